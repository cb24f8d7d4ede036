package dev.flowlab.apps.router;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.projectfloodlight.openflow.types.IPv4Address;
import org.projectfloodlight.openflow.types.IPv4AddressWithMask;

/**
 * Longest-prefix match over the connected subnets and the static routes (pure). A connected
 * destination is its own next hop; a routed one goes to its route's next hop.
 */
final class RoutingTable {
    /** Where a packet goes next: the address to resolve with ARP, and the subnet it is in. */
    record NextHop(IPv4Address ip, Subnet subnet) {
    }

    private record Entry(IPv4AddressWithMask prefix, IPv4Address via) {   // via null: connected
    }

    private final List<Subnet> subnets;
    private final List<Entry> entries = new ArrayList<>();

    RoutingTable(RouterConfig config) {
        this.subnets = config.subnets();
        subnets.forEach(s -> entries.add(new Entry(s.prefix(), null)));
        config.routes().forEach(r -> entries.add(new Entry(r.network(), r.nextHopAddress())));
        // Longest prefix first; at equal length a connected subnet beats a static route.
        entries.sort(Comparator.comparingInt((Entry e) -> -e.prefix().getMask().asCidrMaskLength())
                .thenComparing(e -> e.via() != null));
    }

    /** The next hop toward {@code dst}; empty when no subnet or route covers it. */
    Optional<NextHop> lookup(IPv4Address dst) {
        for (Entry e : entries) {
            if (e.prefix().matches(dst)) {
                IPv4Address hop = e.via() == null ? dst : e.via();
                return subnetOf(hop).map(s -> new NextHop(hop, s));
            }
        }
        return Optional.empty();
    }

    /** The connected subnet {@code ip} lies in. */
    Optional<Subnet> subnetOf(IPv4Address ip) {
        return subnets.stream().filter(s -> s.contains(ip)).findFirst();
    }

    /** The subnet whose gateway address is {@code ip}, when {@code ip} is one of the router's own. */
    Optional<Subnet> gateway(IPv4Address ip) {
        return subnets.stream().filter(s -> s.address().equals(ip)).findFirst();
    }

    List<Subnet> subnets() {
        return subnets;
    }
}
