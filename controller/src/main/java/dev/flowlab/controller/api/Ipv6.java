package dev.flowlab.controller.api;

import org.projectfloodlight.openflow.types.IPv6Address;
import org.projectfloodlight.openflow.types.IpProtocol;

/**
 * The fields of an IPv6 header that forwarding apps use.
 *
 * @param protocol the upper-layer protocol after any extension headers (TCP, UDP, ICMPv6...)
 */
public record Ipv6(IPv6Address source, IPv6Address destination, IpProtocol protocol, int hopLimit) {
}
