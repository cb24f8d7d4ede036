package dev.flowlab.controller.monitor;

import dev.flowlab.controller.api.FlowEntries;
import dev.flowlab.controller.api.Flows;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.core.SwitchRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.projectfloodlight.openflow.protocol.OFFlowStatsEntry;
import org.projectfloodlight.openflow.protocol.OFFlowStatsReply;
import org.projectfloodlight.openflow.protocol.OFGroupStatsReply;
import org.projectfloodlight.openflow.protocol.OFMeterStatsReply;
import org.projectfloodlight.openflow.protocol.OFPortStatsEntry;
import org.projectfloodlight.openflow.protocol.OFPortStatsReply;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.OFGroup;
import org.projectfloodlight.openflow.types.OFPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks every connected switch for its port statistics, its flow table and how many groups and meters it
 * holds every interval, on a thread of its own (replies complete on the switches' I/O threads and only
 * swap a map entry there), and keeps the last answer of each with per-port byte rates. A switch that does
 * not answer keeps its previous numbers; a switch that goes away is forgotten at the next poll.
 *
 * <p>Of a switch's flow table it keeps the number of entries and the first {@link #KEPT_FLOWS} of them in
 * {@link FlowEntries#TABLE_ORDER} (what the web view lists: the entries a packet meets first, not those the
 * switch happened to answer first): a switch may answer with up to 16 MiB of entries each time, and keeping
 * them all, for every switch, would let a few switches hold gigabytes of the controller's heap.
 */
public final class PortStatsMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PortStatsMonitor.class);
    private static final long ALL_METERS = 0xffffffffL;   // OFPM_ALL
    /** The flow entries kept per switch (for the web view): far more than a page shows. */
    public static final int KEPT_FLOWS = 1000;

    private final SwitchRegistry switches;
    private final ScheduledExecutorService timer;
    private final Map<DatapathId, Map<Long, PortCounters>> ports = new ConcurrentHashMap<>();
    private final Map<DatapathId, Table> flows = new ConcurrentHashMap<>();
    private final Map<DatapathId, Long> polledAt = new ConcurrentHashMap<>();
    private final Map<DatapathId, Integer> groupCounts = new ConcurrentHashMap<>();
    private final Map<DatapathId, Integer> meterCounts = new ConcurrentHashMap<>();

    private PortStatsMonitor(SwitchRegistry switches) {
        this.switches = switches;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "flowlab-port-stats");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts polling every {@code interval}. */
    public static PortStatsMonitor start(SwitchRegistry switches, Duration interval) {
        PortStatsMonitor m = new PortStatsMonitor(switches);
        m.timer.scheduleWithFixedDelay(m::pollSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return m;
    }

    /** Each switch's ports (by port number) as last polled. */
    public Map<DatapathId, Map<Long, PortCounters>> ports() {
        return Map.copyOf(ports);
    }

    /**
     * A switch's flow table as last polled: its first {@link #KEPT_FLOWS} entries in {@link FlowEntries#TABLE_ORDER},
     * in that order; empty when never answered.
     */
    public List<OFFlowStatsEntry> flows(DatapathId dpid) {
        Table table = flows.get(dpid);
        return table == null ? List.of() : table.first();
    }

    /** Flow entries per switch, as last polled (all of them, not only those kept). */
    public Map<DatapathId, Integer> flowCounts() {
        Map<DatapathId, Integer> counts = new HashMap<>();
        flows.forEach((dpid, table) -> counts.put(dpid, table.totals().count()));
        return counts;
    }

    /** Group entries in the switch at the last poll; empty for OpenFlow 1.0 or when never answered. */
    public Optional<Integer> groupCount(DatapathId dpid) {
        return Optional.ofNullable(groupCounts.get(dpid));
    }

    /** Meters in the switch at the last poll; empty before OpenFlow 1.3 or when never answered. */
    public Optional<Integer> meterCount(DatapathId dpid) {
        return Optional.ofNullable(meterCounts.get(dpid));
    }

    /** Entries, and the packets and bytes they matched, and the tables holding them, counted over the whole last answer. */
    public Optional<FlowTotals> flowTotals(DatapathId dpid) {
        Table table = flows.get(dpid);
        return Optional.ofNullable(table == null ? null : table.totals());
    }

    /** What a switch's whole flow table added up to at the last poll. */
    public record FlowTotals(int count, long packets, long bytes, int tables) {
    }

    /** A switch's flow table as polled: its totals, and its first {@link #KEPT_FLOWS} entries in table order. */
    private record Table(FlowTotals totals, List<OFFlowStatsEntry> first) {
        static Table of(List<OFFlowStatsReply> replies) {
            List<OFFlowStatsEntry> all = replies.stream().flatMap(r -> r.getEntries().stream()).toList();
            long packets = 0;
            long bytes = 0;
            Set<Integer> tables = new HashSet<>();
            for (OFFlowStatsEntry e : all) {
                packets += FlowEntries.packets(e);
                bytes += FlowEntries.bytes(e);
                tables.add((int) e.getTableId().getValue());
            }
            List<OFFlowStatsEntry> ordered = all.stream().sorted(FlowEntries.TABLE_ORDER).toList();
            return new Table(new FlowTotals(all.size(), packets, bytes, tables.size()),
                    ordered.size() <= KEPT_FLOWS ? ordered : List.copyOf(ordered.subList(0, KEPT_FLOWS)));
        }
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            LOG.warn("port-stats poll failed: {}", e.toString(), e);
        }
    }

    private void poll() {
        ports.keySet().removeIf(dpid -> switches.get(dpid).isEmpty());
        flows.keySet().removeIf(dpid -> switches.get(dpid).isEmpty());
        groupCounts.keySet().removeIf(dpid -> switches.get(dpid).isEmpty());
        meterCounts.keySet().removeIf(dpid -> switches.get(dpid).isEmpty());
        polledAt.keySet().removeIf(dpid -> switches.get(dpid).isEmpty());
        for (Switch sw : switches.switches()) {
            DatapathId dpid = sw.id();
            sw.request(sw.factory().buildPortStatsRequest().setPortNo(OFPort.ANY).build())
                    .thenAccept(replies -> portsAnswered(dpid, replies));
            sw.request(Flows.allFlows(sw.factory())).thenAccept(replies -> flows.put(dpid, Table.of(replies)));
            countGroupsAndMeters(sw);
        }
    }

    /** Only how many: the web view's summary shows the counts, REST lists the entries when asked. */
    private void countGroupsAndMeters(Switch sw) {
        DatapathId dpid = sw.id();
        OFVersion version = sw.factory().getVersion();
        if (version.compareTo(OFVersion.OF_11) >= 0) {
            sw.request(sw.factory().buildGroupStatsRequest().setGroup(OFGroup.ALL).build())
                    .thenAccept(replies -> groupCounts.put(dpid, replies.stream()
                            .mapToInt((OFGroupStatsReply r) -> r.getEntries().size()).sum()));
        }
        if (version.compareTo(OFVersion.OF_13) >= 0) {
            sw.request(sw.factory().buildMeterStatsRequest().setMeterId(ALL_METERS).build())
                    .thenAccept(replies -> meterCounts.put(dpid, replies.stream()
                            .mapToInt((OFMeterStatsReply r) -> r.getEntries().size()).sum()));
        }
    }

    private void portsAnswered(DatapathId dpid, List<OFPortStatsReply> replies) {
        long now = System.nanoTime();
        Long before = polledAt.put(dpid, now);
        double seconds = before == null ? 0 : (now - before) / 1e9;
        Map<Long, PortCounters> previous = ports.getOrDefault(dpid, Map.of());
        Map<Long, PortCounters> next = new HashMap<>();
        for (OFPortStatsReply reply : replies) {
            for (OFPortStatsEntry e : reply.getEntries()) {
                long port = e.getPortNo().getPortNumber() & 0xffffffffL;
                PortCounters last = previous.get(port);
                long rx = e.getRxBytes().getValue();
                long tx = e.getTxBytes().getValue();
                next.put(port, new PortCounters(port, rx, tx, e.getRxPackets().getValue(), e.getTxPackets().getValue(),
                        e.getRxDropped().getValue(), e.getTxDropped().getValue(),
                        rate(last == null ? -1 : last.rxBytes(), rx, seconds), rate(last == null ? -1 : last.txBytes(), tx, seconds)));
            }
        }
        ports.put(dpid, Map.copyOf(next));
    }

    private static double rate(long before, long now, double seconds) {
        return before < 0 || seconds <= 0 || now < before ? 0 : (now - before) / seconds;
    }

    /** The counters of one port, if polled. */
    public Optional<PortCounters> port(DatapathId dpid, long port) {
        return Optional.ofNullable(ports.getOrDefault(dpid, Map.of()).get(port));
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
