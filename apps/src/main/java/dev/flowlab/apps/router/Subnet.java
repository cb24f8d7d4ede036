package dev.flowlab.apps.router;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.projectfloodlight.openflow.types.IPv4Address;
import org.projectfloodlight.openflow.types.IPv4AddressWithMask;

/**
 * A subnet the router is attached to: its gateway address (the one its hosts use as default
 * route, answered by the controller) and its prefix length, written together as {@code 10.0.1.1/24};
 * with {@code vlan}, the VLAN its hosts are in, so the router routes between VLANs ("router on a stick":
 * a routed packet leaves in the VLAN of its destination's subnet).
 */
public record Subnet(String gateway, Integer vlan) {

    /** A subnet whose hosts are in no particular VLAN. */
    public Subnet(String gateway) {
        this(gateway, null);
    }

    public Subnet {
        if (vlan != null && (vlan < 1 || vlan > 4094)) {
            throw new IllegalArgumentException("gateway " + gateway + ": vlan " + vlan + " is out of range; use 1-4094");
        }
        IPv4Address address = address(gateway);
        int length = length(gateway);
        IPv4Address hostBits = address.and(IPv4Address.ofCidrMaskLength(length).not());
        if (hostBits.equals(IPv4Address.NONE) || hostBits.equals(IPv4Address.ofCidrMaskLength(length).not())) {
            throw new IllegalArgumentException("gateway " + gateway + " is the network or broadcast address of its subnet");
        }
    }

    private static IPv4Address address(String text) {
        if (text == null || !text.contains("/")) {
            throw new IllegalArgumentException("gateway '" + text + "' needs the subnet's prefix length, like 10.0.1.1/24");
        }
        try {
            return IPv4Address.of(text.substring(0, text.indexOf('/')).trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("gateway '" + text + "' is not an address with prefix length, like 10.0.1.1/24");
        }
    }

    private static int length(String text) {
        String length = text.substring(text.indexOf('/') + 1).trim();
        if (!length.matches("\\d{1,2}") || Integer.parseInt(length) < 1 || Integer.parseInt(length) > 30) {
            throw new IllegalArgumentException("gateway " + text + ": the prefix length must be 1-30");
        }
        return Integer.parseInt(length);
    }

    /** The gateway address itself. */
    @JsonIgnore
    public IPv4Address address() {
        return address(gateway);
    }

    /** The subnet's network prefix, like 10.0.1.0/24. */
    @JsonIgnore
    public IPv4AddressWithMask prefix() {
        IPv4Address mask = IPv4Address.ofCidrMaskLength(length(gateway));
        return address().and(mask).withMask(mask);
    }

    /** Whether {@code ip} lies in this subnet. */
    public boolean contains(IPv4Address ip) {
        return prefix().matches(ip);
    }
}
