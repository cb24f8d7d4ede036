package dev.flowlab.controller.view;

import dev.flowlab.controller.ExpectedNetwork;
import dev.flowlab.controller.api.FlowEntries;
import dev.flowlab.controller.api.Flows;
import dev.flowlab.controller.api.HostInfo;
import dev.flowlab.controller.api.HostService;
import dev.flowlab.controller.api.Link;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.api.TopologyService;
import dev.flowlab.controller.core.SwitchRegistry;
import dev.flowlab.controller.monitor.PortCounters;
import dev.flowlab.controller.monitor.PortStatsMonitor;
import dev.flowlab.controller.view.ViewSnapshot.FlowView;
import dev.flowlab.controller.view.ViewSnapshot.HostView;
import dev.flowlab.controller.view.ViewSnapshot.LinkView;
import dev.flowlab.controller.view.ViewSnapshot.PortView;
import dev.flowlab.controller.view.ViewSnapshot.SwitchView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.projectfloodlight.openflow.protocol.OFFlowStatsEntry;
import org.projectfloodlight.openflow.protocol.OFPortDesc;
import org.projectfloodlight.openflow.protocol.OFPortState;
import org.projectfloodlight.openflow.protocol.instruction.OFInstruction;
import org.projectfloodlight.openflow.protocol.instruction.OFInstructionApplyActions;
import org.projectfloodlight.openflow.protocol.match.MatchField;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.U64;

/** Reads the controller's state into a {@link ViewSnapshot}; called by the feed on its own thread. */
public final class ViewModel {
    private final SwitchRegistry switches;
    private final TopologyService topology;
    private final HostService hosts;
    private final PortStatsMonitor monitor;
    private final List<String> apps;
    private final Supplier<ExpectedNetwork> expected;
    private final Duration interval;
    private final Map<Long, String> appByCookie = new HashMap<>();

    /** @param expected what the topology says should be there, or null when nobody said (a bare controller) */
    public ViewModel(SwitchRegistry switches, TopologyService topology, HostService hosts, PortStatsMonitor monitor,
                     List<String> apps, Supplier<ExpectedNetwork> expected, Duration interval) {
        this.switches = switches;
        this.topology = topology;
        this.hosts = hosts;
        this.monitor = monitor;
        this.apps = List.copyOf(apps);
        this.expected = expected;
        this.interval = interval;
        appByCookie.put(Flows.cookie("flowlab").getValue() >>> 32, "table-miss");
        apps.forEach(a -> appByCookie.put(Flows.cookie(a).getValue() >>> 32, a));
    }

    public ViewSnapshot snapshot() {
        ExpectedNetwork want = expected.get();
        Map<DatapathId, Map<Long, PortCounters>> counters = monitor.ports();
        Set<DatapathId> dpids = new TreeSet<>(topology.switches());
        switches.switches().forEach(s -> dpids.add(s.id()));
        if (want != null) {
            dpids.addAll(want.switches());
        }
        List<SwitchView> switchViews = new ArrayList<>();
        for (DatapathId dpid : dpids) {
            Switch sw = switches.get(dpid).orElse(null);
            Map<Long, PortCounters> c = counters.getOrDefault(dpid, Map.of());
            List<PortView> ports = sw == null ? List.of() : sw.ports().stream()
                    .filter(p -> p.getPortNo().getPortNumber() > 0 && p.getPortNo().getPortNumber() < 0xff00)
                    .sorted(Comparator.comparingInt(p -> p.getPortNo().getPortNumber()))
                    .map(p -> port(p, c.get((long) p.getPortNo().getPortNumber()))).toList();
            List<FlowView> flows = monitor.flows(dpid).stream().map(this::flow).toList();
            switchViews.add(new SwitchView(dpid.toString(), name(dpid), sw != null,
                    sw == null ? null : sw.role().name(), ports, flows));
        }
        return new ViewSnapshot(switchViews, hostViews(), links(want, counters), apps, (int) Math.max(1, interval.toSeconds()));
    }

    private List<HostView> hostViews() {
        return hosts.hosts().stream().sorted(Comparator.comparing((HostInfo h) -> h.dpid()).thenComparing(h -> h.port().getPortNumber()))
                .map(h -> new HostView(h.mac().toString(), h.ips().stream().map(Object::toString).sorted().toList(),
                        h.dpid().toString(), h.port().getPortNumber()))
                .toList();
    }

    private List<LinkView> links(ExpectedNetwork want, Map<DatapathId, Map<Long, PortCounters>> counters) {
        Map<String, LinkView> byKey = new LinkedHashMap<>();
        for (Link l : topology.links()) {
            Link one = canonical(l);
            PortCounters a = counters.getOrDefault(one.srcDpid(), Map.of()).get((long) one.srcPort().getPortNumber());
            double load = a == null ? 0 : Math.max(a.rxBytesPerSecond(), a.txBytesPerSecond());
            byKey.put(key(one), new LinkView(one.srcDpid().toString(), one.srcPort().getPortNumber(), one.dstDpid().toString(),
                    one.dstPort().getPortNumber(), "up", load));
        }
        if (want != null) {
            for (Link l : want.links()) {
                Link one = canonical(l);
                byKey.putIfAbsent(key(one), new LinkView(one.srcDpid().toString(), one.srcPort().getPortNumber(),
                        one.dstDpid().toString(), one.dstPort().getPortNumber(), "down", 0));
            }
        }
        return byKey.values().stream().sorted(Comparator.comparing(LinkView::a).thenComparing(LinkView::b)).toList();
    }

    private static Link canonical(Link l) {
        return l.srcDpid().compareTo(l.dstDpid()) <= 0 ? l : l.reversed();
    }

    private static String key(Link l) {
        return l.srcDpid() + "/" + l.srcPort() + "-" + l.dstDpid() + "/" + l.dstPort();
    }

    private static PortView port(OFPortDesc p, PortCounters c) {
        boolean up = !p.getState().contains(OFPortState.LINK_DOWN) && !p.getConfig().contains(
                org.projectfloodlight.openflow.protocol.OFPortConfig.PORT_DOWN);
        return c == null
                ? new PortView(p.getPortNo().getPortNumber(), p.getName(), up, 0, 0, 0, 0, 0, 0, 0, 0)
                : new PortView(c.port(), p.getName(), up, c.rxBytes(), c.txBytes(), c.rxPackets(), c.txPackets(),
                        c.rxDropped(), c.txDropped(), c.rxBytesPerSecond(), c.txBytesPerSecond());
    }

    private FlowView flow(OFFlowStatsEntry e) {
        String match = java.util.stream.StreamSupport.stream(e.getMatch().getMatchFields().spliterator(), false)
                .map(f -> f.getName() + "=" + matchValue(e, f)).collect(Collectors.joining(","));
        String actions = FlowEntries.instructions(e).stream().map(ViewModel::instruction).collect(Collectors.joining(" "));
        U64 cookie = e.getCookie();
        return new FlowView(e.getTableId().getValue(), e.getPriority(), match.isEmpty() ? "*" : match,
                actions.isEmpty() ? "drop" : actions, FlowEntries.packets(e), FlowEntries.bytes(e),
                appByCookie.getOrDefault(cookie.getValue() >>> 32, cookie.equals(U64.ZERO) ? "" : cookie.toString()));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String matchValue(OFFlowStatsEntry e, MatchField f) {
        return e.getMatch().isPartiallyMasked(f) ? String.valueOf(e.getMatch().getMasked(f)) : String.valueOf(e.getMatch().get(f));
    }

    private static String instruction(OFInstruction i) {
        if (i instanceof OFInstructionApplyActions apply) {
            return apply.getActions().stream().map(ViewModel::action).collect(Collectors.joining(","));
        }
        return i.getType().toString().toLowerCase();
    }

    private static String action(org.projectfloodlight.openflow.protocol.action.OFAction a) {
        if (a instanceof org.projectfloodlight.openflow.protocol.action.OFActionOutput out) {
            return "output:" + out.getPort();
        }
        String s = a.toString();
        int paren = s.indexOf('(');
        return paren < 0 ? s : s.substring(0, paren).replaceFirst("^OFAction", "").toLowerCase() + s.substring(paren);
    }

    /** {@code s1} for datapath id 1, as flowlab numbers its switches; the full id beyond 0xffff. */
    static String name(DatapathId dpid) {
        long v = dpid.getLong();
        return v > 0 && v <= 0xffff ? "s" + v : dpid.toString();
    }
}
