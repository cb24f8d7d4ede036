package dev.flowlab.topologies;

import java.util.Objects;

/**
 * An end host: becomes a network namespace named {@link #name()}.
 *
 * @param name    unique node name, e.g. {@code h1}
 * @param ip      address with prefix length on its first interface, e.g. {@code 10.0.0.1/8}
 * @param mac     MAC address of its first interface, or null to let the kernel pick one
 * @param gateway default route's next hop, or null for no default route
 */
public record Host(String name, String ip, String mac, String gateway) implements Node {
    public Host {
        Objects.requireNonNull(name, "host name");
        Objects.requireNonNull(ip, "host ip");
    }

    /** The address without its prefix length: {@code 10.0.0.1}. */
    public String address() {
        int slash = ip.indexOf('/');
        return slash < 0 ? ip : ip.substring(0, slash);
    }
}
