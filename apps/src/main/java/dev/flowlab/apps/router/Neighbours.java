package dev.flowlab.apps.router;

import dev.flowlab.controller.api.SwitchPort;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.projectfloodlight.openflow.types.IPv4Address;
import org.projectfloodlight.openflow.types.MacAddress;

/**
 * The router's ARP table: for each address in its subnets, the MAC that answered for it and the
 * switch port it sits behind. Learnt from what hosts send the gateways (ARP and IPv4), which the
 * trap entries deliver at the host's own switch, so the port seen is where the host attaches.
 */
final class Neighbours {
    /** A host the router can deliver to. */
    record Neighbour(IPv4Address ip, MacAddress mac, SwitchPort location) {
    }

    private final Map<IPv4Address, Neighbour> byIp = new ConcurrentHashMap<>();

    /** Records (or refreshes) a neighbour; returns whether it is new or changed. */
    boolean learn(IPv4Address ip, MacAddress mac, SwitchPort location) {
        Neighbour next = new Neighbour(ip, mac, location);
        return !next.equals(byIp.put(ip, next));
    }

    Optional<Neighbour> get(IPv4Address ip) {
        return Optional.ofNullable(byIp.get(ip));
    }

    Map<IPv4Address, Neighbour> all() {
        return Map.copyOf(byIp);
    }
}
