package dev.flowlab.apps.router;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.projectfloodlight.openflow.types.IPv4Address;
import org.projectfloodlight.openflow.types.IPv4AddressWithMask;

/**
 * A subnet the router is attached to: its gateway address (the one its hosts use as default
 * route, answered by the controller) and its prefix, written together as {@code 10.0.1.1/24}.
 */
public record Subnet(@JsonProperty("gateway") String gateway) {

    @JsonCreator
    public Subnet {
        IPv4AddressWithMask parsed = parse(gateway);
        int length = parsed.getMask().asCidrMaskLength();
        if (length < 1 || length > 30) {
            throw new IllegalArgumentException("gateway " + gateway + ": the prefix length must be 1-30");
        }
        IPv4Address host = parsed.getValue().and(parsed.getMask().not());
        if (host.equals(IPv4Address.NONE) || host.equals(parsed.getMask().not())) {
            throw new IllegalArgumentException("gateway " + gateway + " is the network or broadcast address of its subnet");
        }
    }

    private static IPv4AddressWithMask parse(String text) {
        if (text == null || !text.contains("/")) {
            throw new IllegalArgumentException("gateway '" + text + "' needs the subnet's prefix length, like 10.0.1.1/24");
        }
        try {
            IPv4AddressWithMask parsed = IPv4AddressWithMask.of(text.trim());
            if (!parsed.getMask().isCidrMask()) {
                throw new IllegalArgumentException(text);
            }
            return parsed;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("gateway '" + text + "' is not an address with prefix length, like 10.0.1.1/24");
        }
    }

    /** The gateway address itself. */
    @JsonIgnore
    public IPv4Address address() {
        return parse(gateway).getValue();
    }

    /** The subnet's network prefix, like 10.0.1.0/24. */
    @JsonIgnore
    public IPv4AddressWithMask prefix() {
        IPv4AddressWithMask parsed = parse(gateway);
        return parsed.getValue().and(parsed.getMask()).withMask(parsed.getMask());
    }

    /** Whether {@code ip} lies in this subnet. */
    public boolean contains(IPv4Address ip) {
        return prefix().matches(ip);
    }
}
