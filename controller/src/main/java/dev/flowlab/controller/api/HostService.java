package dev.flowlab.controller.api;

import java.util.Collection;
import java.util.Optional;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.IPv4Address;
import org.projectfloodlight.openflow.types.MacAddress;

/**
 * Where each host attaches, learnt from the packets it sends (ARP and IPv4 give its IP addresses).
 * Only edge ports count ({@link TopologyService#isEdgePort}), so a frame relayed between switches
 * never makes a host look as if it lived on an inter-switch link. Apps {@code @Inject} it.
 *
 * <p>A host is a MAC in a VLAN ({@link HostInfo#vlan()}): on a network with VLAN roles the same MAC (or
 * address) may be a host in two VLANs, and an app forwarding a frame asks about the frame's own VLAN
 * ({@link #hostByMac(int, MacAddress)}, {@link HostInfo#vlanOf}). Without VLAN roles every host is
 * {@link HostInfo#UNTAGGED} and the VLAN-less lookups are all an app needs.
 *
 * <p>With QinQ (802.1ad tunnel ports) two customers may use the same VLAN, and the same MACs and
 * addresses, each at its own switches: a host is then also in the service VLAN that carries its VLAN
 * through the provider ({@link HostInfo#serviceVlan()}). An app asking about a frame it got names the
 * switch too ({@link #hostByMac(DatapathId, int, MacAddress)}), and gets the host of that frame's customer.
 */
public interface HostService {

    /** Every known host, at the moment of the call. */
    Collection<HostInfo> hosts();

    /**
     * The host with this MAC in this VLAN ({@link HostInfo#UNTAGGED} for frames without a tag), if known; with QinQ,
     * where two customers' hosts may share both, the one in the lowest service VLAN (none first).
     */
    Optional<HostInfo> hostByMac(int vlan, MacAddress mac);

    /** The host that last used this IPv4 address as a source in this VLAN, if known (with QinQ, as above). */
    Optional<HostInfo> hostByIp(int vlan, IPv4Address ip);

    /**
     * The host with this MAC in the VLAN a frame of {@code vlan} is in at switch {@code at}: with QinQ, the
     * customer's whose service VLAN carries that switch's {@code vlan}; otherwise as {@link #hostByMac(int, MacAddress)}.
     */
    default Optional<HostInfo> hostByMac(DatapathId at, int vlan, MacAddress mac) {
        return hostByMac(vlan, mac);
    }

    /** The host that last used this address in the VLAN a frame of {@code vlan} is in at switch {@code at} (see above). */
    default Optional<HostInfo> hostByIp(DatapathId at, int vlan, IPv4Address ip) {
        return hostByIp(vlan, ip);
    }

    /** The host with this MAC, if known; when it is a host in several VLANs, the one in the lowest (untagged first). */
    Optional<HostInfo> hostByMac(MacAddress mac);

    /** The host that last used this IPv4 address as a source, if known; in several VLANs, the lowest one's (untagged first). */
    Optional<HostInfo> hostByIp(IPv4Address ip);

    /** Calls {@code listener} on every later host change. */
    void addListener(HostListener listener);

    /** Stops calling {@code listener}. */
    void removeListener(HostListener listener);
}
