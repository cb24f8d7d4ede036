package dev.flowlab.controller.view;

import java.util.List;

/**
 * What the web view draws, as JSON. Datapath ids are strings ({@code 00:00:00:00:00:00:00:01}).
 *
 * @param links every cable once: seen by link discovery ({@code up}), or expected by the topology
 *              and not seen ({@code down})
 */
public record ViewSnapshot(List<SwitchView> switches, List<HostView> hosts, List<LinkView> links, List<String> apps,
                           int intervalSeconds) {

    /** A switch: connected or only expected, this controller's role for it (null when not connected), its ports and flow table. */
    public record SwitchView(String dpid, String name, boolean connected, String role, List<PortView> ports,
                             List<FlowView> flows) {
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
}
