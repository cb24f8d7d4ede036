package dev.flowlab.controller.monitor;

import dev.flowlab.controller.api.Flows;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.core.SwitchRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * swap a map entry there), and keeps the last answer of each with per-port byte rates. A switch that does not answer keeps its
 * previous numbers; a switch that goes away is forgotten at the next poll.
 */
public final class PortStatsMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PortStatsMonitor.class);
    private static final long ALL_METERS = 0xffffffffL;   // OFPM_ALL

    private final SwitchRegistry switches;
    private final ScheduledExecutorService timer;
    private final Map<DatapathId, Map<Long, PortCounters>> ports = new ConcurrentHashMap<>();
    private final Map<DatapathId, List<OFFlowStatsEntry>> flows = new ConcurrentHashMap<>();
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

    /** A switch's flow table as last polled; empty when never answered. */
    public List<OFFlowStatsEntry> flows(DatapathId dpid) {
        return flows.getOrDefault(dpid, List.of());
    }

    /** Flow entries per switch, as last polled. */
    public Map<DatapathId, Integer> flowCounts() {
        Map<DatapathId, Integer> counts = new HashMap<>();
        flows.forEach((dpid, list) -> counts.put(dpid, list.size()));
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
        for (Switch sw : switches.switches()) {
            DatapathId dpid = sw.id();
            sw.request(sw.factory().buildPortStatsRequest().setPortNo(OFPort.ANY).build())
                    .thenAccept(replies -> portsAnswered(dpid, replies));
            sw.request(Flows.allFlows(sw.factory()))
                    .thenAccept(replies -> flows.put(dpid, replies.stream()
                            .flatMap((OFFlowStatsReply r) -> r.getEntries().stream()).toList()));
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
