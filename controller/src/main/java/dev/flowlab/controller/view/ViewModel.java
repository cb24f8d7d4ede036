package dev.flowlab.controller.view;

import dev.flowlab.controller.ExpectedNetwork;
import dev.flowlab.controller.api.HostInfo;
import dev.flowlab.controller.api.HostService;
import dev.flowlab.controller.api.Link;
import dev.flowlab.controller.api.RestException;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.api.TopologyService;
import dev.flowlab.controller.core.SwitchRegistry;
import dev.flowlab.controller.monitor.PortCounters;
import dev.flowlab.controller.monitor.PortStatsMonitor;
import dev.flowlab.controller.monitor.PortStatsMonitor.FlowTotals;
import dev.flowlab.controller.role.ClusterView;
import dev.flowlab.controller.view.ViewSnapshot.ClusterSummary;
import dev.flowlab.controller.view.ViewSnapshot.HostView;
import dev.flowlab.controller.view.ViewSnapshot.LinkView;
import dev.flowlab.controller.view.ViewSnapshot.PortView;
import dev.flowlab.controller.view.ViewSnapshot.SwitchDetail;
import dev.flowlab.controller.view.ViewSnapshot.SwitchView;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.projectfloodlight.openflow.protocol.OFFlowStatsEntry;
import org.projectfloodlight.openflow.protocol.OFPortConfig;
import org.projectfloodlight.openflow.protocol.OFPortDesc;
import org.projectfloodlight.openflow.protocol.OFPortState;
import org.projectfloodlight.openflow.types.DatapathId;

/**
 * Reads the controller's state into a {@link ViewSnapshot} (called by the feed on its own thread) and
 * one switch's {@link SwitchDetail} (called by REST). Everything it hands out is capped, so what a
 * browser receives stays bounded however big the network or its flow tables grow.
 */
public final class ViewModel {
    /** Switches, hosts and links in one snapshot: tree,3,10 (111 switches, 1000 hosts) fits. */
    public static final int MAX_SWITCHES = 512;
    public static final int MAX_HOSTS = 2048;
    public static final int MAX_LINKS = 2048;
    /** Ports of one opened switch. */
    public static final int MAX_PORTS = 512;

    private static final FlowTotals NO_FLOWS = new FlowTotals(0, 0, 0, 0);

    private final SwitchRegistry switches;
    private final TopologyService topology;
    private final HostService hosts;
    private final PortStatsMonitor monitor;
    private final List<String> apps;
    private final Supplier<ExpectedNetwork> expected;
    private final Duration interval;
    private final FlowRows rows;

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
        this.rows = new FlowRows(apps);
    }

    public ViewSnapshot snapshot() {
        ExpectedNetwork want = expected.get();
        Map<DatapathId, Map<Long, PortCounters>> counters = monitor.ports();
        Set<DatapathId> dpids = new TreeSet<>(topology.switches());
        switches.switches().forEach(s -> dpids.add(s.id()));
        if (want != null) {
            dpids.addAll(want.switches());
        }
        List<SwitchView> switchViews = dpids.stream().limit(MAX_SWITCHES).map(this::summary).toList();
        List<HostView> hostViews = hostViews();
        List<LinkView> linkViews = links(want, counters);
        return new ViewSnapshot(switchViews, dpids.size() - switchViews.size(),
                hostViews.subList(0, Math.min(MAX_HOSTS, hostViews.size())), Math.max(0, hostViews.size() - MAX_HOSTS),
                linkViews.subList(0, Math.min(MAX_LINKS, linkViews.size())), Math.max(0, linkViews.size() - MAX_LINKS),
                apps, cluster(), (int) Math.max(1, interval.toSeconds()));
    }

    private SwitchView summary(DatapathId dpid) {
        Switch sw = switches.get(dpid).orElse(null);
        FlowTotals flows = monitor.flowTotals(dpid).orElse(NO_FLOWS);
        return new SwitchView(dpid.toString(), name(dpid), sw != null, sw == null ? null : sw.role().name(),
                sw == null ? 0 : (int) sw.ports().stream().filter(ViewModel::physical).count(), flows.count(),
                flows.packets(), flows.bytes(), flows.tables(), monitor.groupCount(dpid).orElse(null),
                monitor.meterCount(dpid).orElse(null));
    }

    /**
     * A page of a connected switch's flow table, as the monitor last polled it, and its ports.
     *
     * @throws RestException 404 when the switch is not connected
     */
    public SwitchDetail detail(DatapathId dpid, int offset, int limit) {
        Switch sw = switches.get(dpid).orElseThrow(() -> RestException.notFound("switch " + dpid + " is not connected"));
        List<OFFlowStatsEntry> kept = monitor.flows(dpid);   // the table's first entries, in table order
        int total = Math.max(kept.size(), monitor.flowTotals(dpid).orElse(NO_FLOWS).count());
        int from = Math.min(offset, kept.size());
        int to = Math.min(kept.size(), from + limit);
        Map<Long, PortCounters> c = monitor.ports().getOrDefault(dpid, Map.of());
        List<PortView> ports = sw.ports().stream().filter(ViewModel::physical)
                .sorted(Comparator.comparingInt(p -> p.getPortNo().getPortNumber()))
                .map(p -> port(p, c.get((long) p.getPortNo().getPortNumber()))).toList();
        return new SwitchDetail(dpid.toString(), name(dpid), sw.role().name(), total, kept.size(), from,
                kept.subList(from, to).stream().map(rows::row).toList(), total - to,
                ports.subList(0, Math.min(MAX_PORTS, ports.size())), Math.max(0, ports.size() - MAX_PORTS));
    }

    /** The cluster's members, or null for a controller on its own (nothing to show). */
    private ClusterSummary cluster() {
        ClusterView view = switches.mastership().view();
        if (view.members().size() < 2) {
            return null;
        }
        return new ClusterSummary(view.self(), view.leader().orElse(null),
                view.members().stream().map(ClusterView.Member::id).toList());
    }

    private static boolean physical(OFPortDesc p) {
        return p.getPortNo().getPortNumber() > 0 && p.getPortNo().getPortNumber() < 0xff00;
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
        boolean up = !p.getState().contains(OFPortState.LINK_DOWN) && !p.getConfig().contains(OFPortConfig.PORT_DOWN);
        return c == null
                ? new PortView(p.getPortNo().getPortNumber(), p.getName(), up, 0, 0, 0, 0, 0, 0, 0, 0)
                : new PortView(c.port(), p.getName(), up, c.rxBytes(), c.txBytes(), c.rxPackets(), c.txPackets(),
                        c.rxDropped(), c.txDropped(), c.rxBytesPerSecond(), c.txBytesPerSecond());
    }

    /** {@code s1} for datapath id 1, as flowlab numbers its switches; the full id beyond 0xffff. */
    static String name(DatapathId dpid) {
        long v = dpid.getLong();
        return v > 0 && v <= 0xffff ? "s" + v : dpid.toString();
    }
}
