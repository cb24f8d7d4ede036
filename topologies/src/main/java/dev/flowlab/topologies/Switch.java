package dev.flowlab.topologies;

import java.util.Objects;

/**
 * An OpenFlow switch: becomes an Open vSwitch bridge named {@link #name()}.
 *
 * @param name unique node name, e.g. {@code s1}
 * @param dpid OpenFlow datapath id (Mininet convention: the switch number, {@code s12 -> 12})
 */
public record Switch(String name, long dpid) implements Node {
    public Switch {
        Objects.requireNonNull(name, "switch name");
    }

    /** The datapath id as OVS's {@code other_config:datapath-id} wants it: 16 hex digits. */
    public String dpidHex() {
        return String.format("%016x", dpid);
    }
}
