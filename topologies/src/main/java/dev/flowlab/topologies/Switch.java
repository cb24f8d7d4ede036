package dev.flowlab.topologies;

/**
 * An OpenFlow switch: becomes an Open vSwitch bridge named {@link #name()}.
 *
 * @param name unique node name, e.g. {@code s1}
 * @param dpid OpenFlow datapath id, positive (Mininet convention: the switch number, {@code s12 -> 12})
 */
public record Switch(String name, long dpid) implements Node {
    public Switch {
        Names.check("switch", name);
        if (dpid <= 0) {
            throw new TopologyException(name, "switch " + name + ": datapath id must be positive, not " + dpid);
        }
    }

    /** The datapath id as OVS's {@code other_config:datapath-id} wants it: 16 hex digits. */
    public String dpidHex() {
        return String.format("%016x", dpid);
    }
}
