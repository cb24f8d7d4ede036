package dev.flowlab.apps.router;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.projectfloodlight.openflow.types.IPv4Address;
import org.projectfloodlight.openflow.types.IPv4AddressWithMask;

/**
 * A static route: packets for {@code prefix} go to the router at {@code nextHop}, which must be in
 * one of the router's subnets.
 *
 * @param prefix  destination network, like 10.0.3.0/24 (0.0.0.0/0 for a default route)
 * @param nextHop address of the next router, like 10.0.2.254
 */
public record StaticRoute(String prefix, String nextHop) {
    public StaticRoute {
        network(prefix);
        hop(nextHop);
    }

    private static IPv4AddressWithMask network(String text) {
        try {
            IPv4AddressWithMask parsed = IPv4AddressWithMask.of(text.trim());
            if (!parsed.getMask().isCidrMask()) {
                throw new IllegalArgumentException(text);
            }
            return parsed.getValue().and(parsed.getMask()).withMask(parsed.getMask());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("route prefix '" + text + "' is not a prefix like 10.0.3.0/24");
        }
    }

    private static IPv4Address hop(String text) {
        try {
            return IPv4Address.of(text.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("route next_hop '" + text + "' is not an IPv4 address like 10.0.2.254");
        }
    }

    /** The destination network, host bits cleared. */
    @JsonIgnore
    public IPv4AddressWithMask network() {
        return network(prefix);
    }

    /** The next router's address. */
    @JsonIgnore
    public IPv4Address nextHopAddress() {
        return hop(nextHop);
    }
}
