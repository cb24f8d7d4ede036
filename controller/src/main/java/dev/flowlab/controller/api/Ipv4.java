package dev.flowlab.controller.api;

import org.projectfloodlight.openflow.types.IPv4Address;
import org.projectfloodlight.openflow.types.IpProtocol;

/**
 * The fields of an IPv4 header that forwarding apps use.
 *
 * @param fragment whether this is a fragment after the first (it carries no transport header)
 */
public record Ipv4(IPv4Address source, IPv4Address destination, IpProtocol protocol, int ttl,
                   boolean fragment) {
}
