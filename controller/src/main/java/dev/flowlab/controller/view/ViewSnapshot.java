package dev.flowlab.controller.view;

import java.util.List;

/**
 * What the web view draws, as JSON: a summary of every switch, never its flow table (that is
 * {@link SwitchDetail}, read when the user opens the switch). Each list holds at most its cap
 * ({@link ViewModel#MAX_SWITCHES} and so on); the {@code *More} counts say how many were left out.
 * Datapath ids are strings ({@code 00:00:00:00:00:00:00:01}).
 *
 * @param links   every cable once: seen by link discovery ({@code up}), or expected by the topology
 *                and not seen ({@code down})
 * @param cluster the controllers of the cluster, or null for a controller on its own
 */
public record ViewSnapshot(List<SwitchView> switches, int switchesMore, List<HostView> hosts, int hostsMore,
                           List<LinkView> links, int linksMore, List<String> apps, ClusterSummary cluster,
                           int intervalSeconds) {

    /**
     * A switch: connected or only expected, this controller's role for it (null when not connected), and
     * the numbers of its last poll: flow entries with their packets and bytes, the tables that hold
     * them, groups and meters (null where the switch's OpenFlow version has none, or before it answered).
     */
    public record SwitchView(String dpid, String name, boolean connected, String role, int ports, int flows,
                             long packets, long bytes, int tables, Integer groups, Integer meters) {
    }

    /** A port's state and the monitor's counters and rates. */
    public record PortView(long port, String name, boolean up, long rxBytes, long txBytes, long rxPackets, long txPackets,
                           long rxDropped, long txDropped, double rxBytesPerSecond, double txBytesPerSecond) {
    }

    /** One flow entry; {@code app} is the app whose cookie it carries, or empty. */
    public record FlowView(int table, int priority, String match, String actions, long packets, long bytes, String app) {
    }

    /** A host as host tracking sees it. */
    public record HostView(String mac, List<String> ips, String dpid, long port) {
    }

    /** A cable between two switch ports; {@code bytesPerSecond} is the busier direction's rate. */
    public record LinkView(String a, long aPort, String b, long bPort, String state, double bytesPerSecond) {
    }

    /** The members of a cluster, which one leads and which one this is. */
    public record ClusterSummary(String self, String leader, List<String> members) {
    }

    /**
     * One switch opened in the view: a page of its flow table as last polled (per table, highest priority
     * first), {@code flowsMore} entries after the page, and its ports (at most {@link ViewModel#MAX_PORTS}).
     * Pages reach the {@code flowsKept} entries the monitor keeps of the {@code flowsTotal} the switch has.
     */
    public record SwitchDetail(String dpid, String name, String role, int flowsTotal, int flowsKept, int offset,
                               List<FlowView> flows, int flowsMore, List<PortView> ports, int portsMore) {
    }
}
