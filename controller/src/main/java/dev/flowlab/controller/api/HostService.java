package dev.flowlab.controller.api;

import java.util.Collection;
import java.util.Optional;
import org.projectfloodlight.openflow.types.IPv4Address;
import org.projectfloodlight.openflow.types.MacAddress;

/**
 * Where each host attaches, learnt from the packets it sends (ARP and IPv4 give its IP addresses).
 * Only edge ports count ({@link TopologyService#isEdgePort}), so a frame relayed between switches
 * never makes a host look as if it lived on an inter-switch link. Apps {@code @Inject} it.
 */
public interface HostService {

    /** Every known host, at the moment of the call. */
    Collection<HostInfo> hosts();

    /** The host with this MAC, if known. */
    Optional<HostInfo> hostByMac(MacAddress mac);

    /** The host that last used this IPv4 address as a source, if known. */
    Optional<HostInfo> hostByIp(IPv4Address ip);

    /** Calls {@code listener} on every later host change. */
    void addListener(HostListener listener);

    /** Stops calling {@code listener}. */
    void removeListener(HostListener listener);
}
