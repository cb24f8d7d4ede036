package dev.flowlab.controller.api;

import java.util.Objects;
import java.util.Set;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.IPv4Address;
import org.projectfloodlight.openflow.types.MacAddress;
import org.projectfloodlight.openflow.types.OFPort;

/**
 * A host the controller saw send: its MAC in its VLAN, the IPv4 addresses it used, and the edge port it
 * attaches to. On a network with VLAN roles the same MAC may be a host in two VLANs (as in a switch's
 * own MAC table): two hosts, told apart by {@link #vlan()}. With QinQ two customers may use the same
 * VLAN (and MACs) at their own switches; the 802.1ad service VLAN that carries each one's VLAN on
 * through the provider ({@link #serviceVlan()}) tells them apart.
 *
 * @param mac         the host's MAC address
 * @param ips         IPv4 addresses seen as its source (ARP sender or IPv4 source); may be empty
 * @param dpid        the switch it attaches to
 * @param port        the port of that switch
 * @param vlan        the VLAN its frames are in on the controller's side of the VLAN stage, or {@link #UNTAGGED}
 * @param serviceVlan the service VLAN of the QinQ tunnel port its VLAN reaches the provider by, or {@link #UNTAGGED}
 */
public record HostInfo(MacAddress mac, Set<IPv4Address> ips, DatapathId dpid, OFPort port, int vlan, int serviceVlan) {
    /** The VLAN of a host whose frames carry no tag (every host of a network without VLAN roles). */
    public static final int UNTAGGED = -1;

    public HostInfo {
        Objects.requireNonNull(mac, "mac");
        ips = Set.copyOf(ips);
        Objects.requireNonNull(dpid, "dpid");
        Objects.requireNonNull(port, "port");
        if (vlan != UNTAGGED && (vlan < 0 || vlan > 4095)) {
            throw new IllegalArgumentException("VLAN " + vlan + " is not a VLAN id (0-4095) nor UNTAGGED");
        }
        if (serviceVlan != UNTAGGED && (serviceVlan < 1 || serviceVlan > 4094 || vlan == UNTAGGED)) {
            throw new IllegalArgumentException("service VLAN " + serviceVlan + " is not a VLAN id (1-4094) of a tagged host"
                    + " nor UNTAGGED");
        }
    }

    /** A host outside any QinQ service VLAN. */
    public HostInfo(MacAddress mac, Set<IPv4Address> ips, DatapathId dpid, OFPort port, int vlan) {
        this(mac, ips, dpid, port, vlan, UNTAGGED);
    }

    /** An untagged host (a network without VLAN roles). */
    public HostInfo(MacAddress mac, Set<IPv4Address> ips, DatapathId dpid, OFPort port) {
        this(mac, ips, dpid, port, UNTAGGED);
    }

    /** Where the host attaches. */
    public SwitchPort location() {
        return new SwitchPort(dpid, port);
    }

    /** Whether its frames carry a VLAN tag. */
    public boolean tagged() {
        return vlan != UNTAGGED;
    }

    /** The VLAN of a frame in the apps' table (its outermost tag), or {@link #UNTAGGED}. */
    public static int vlanOf(Ethernet frame) {
        return frame.vlan().map(VlanTag::vid).orElse(UNTAGGED);
    }
}
