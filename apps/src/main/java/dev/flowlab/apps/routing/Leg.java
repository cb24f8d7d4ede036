package dev.flowlab.apps.routing;

import org.projectfloodlight.openflow.types.MacAddress;

/**
 * One direction of traffic between two hosts and the route it takes.
 *
 * @param src   the sending host's MAC
 * @param dst   the receiving host's MAC
 * @param route where the frames go
 */
record Leg(MacAddress src, MacAddress dst, Route route) {
}
