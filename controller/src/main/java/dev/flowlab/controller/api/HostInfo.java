package dev.flowlab.controller.api;

import java.util.Objects;
import java.util.Set;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.IPv4Address;
import org.projectfloodlight.openflow.types.MacAddress;
import org.projectfloodlight.openflow.types.OFPort;

/**
 * A host the controller saw send: its MAC, the IPv4 addresses it used, and the edge port it
 * attaches to.
 *
 * @param mac  the host's MAC address
 * @param ips  IPv4 addresses seen as its source (ARP sender or IPv4 source); may be empty
 * @param dpid the switch it attaches to
 * @param port the port of that switch
 */
public record HostInfo(MacAddress mac, Set<IPv4Address> ips, DatapathId dpid, OFPort port) {
    public HostInfo {
        Objects.requireNonNull(mac, "mac");
        ips = Set.copyOf(ips);
        Objects.requireNonNull(dpid, "dpid");
        Objects.requireNonNull(port, "port");
    }

    /** Where the host attaches. */
    public SwitchPort location() {
        return new SwitchPort(dpid, port);
    }
}
