package dev.flowlab.topologies;

/**
 * An 802.1Q-tagged sub-interface of a host's first interface, with its own address: VLAN 10 on
 * {@code h1-eth0} is {@code h1-eth0.10}. With {@code outer}, the frame carries two tags (QinQ): an 802.1ad
 * service tag {@code outer} outside the 802.1Q customer tag {@code id}, on {@code h1-eth0.100.10}.
 * Needs the kernel's VLAN support (module 8021q) where the network runs.
 *
 * @param id    VLAN id of the (inner) 802.1Q tag, 1..4094
 * @param ip    the sub-interface's address with prefix length, e.g. {@code 10.10.0.1/24}
 * @param outer service VLAN id of an outer 802.1ad tag, 1..4094, or null for a single tag
 */
public record HostVlan(int id, String ip, Integer outer) {
    public HostVlan {
        checkId("VLAN id", id);
        if (outer != null) {
            checkId("outer (802.1ad) VLAN id", outer);
        }
        if (ip == null || Ipv4.prefixLength(ip) < 0) {
            throw new TopologyException("VLAN " + id + ": address '" + ip
                    + "' is not an IPv4 address with prefix length, like 10.10.0.1/24");
        }
    }

    /** A single 802.1Q tag. */
    public static HostVlan tagged(int id, String ip) {
        return new HostVlan(id, ip, null);
    }

    /** Two tags: 802.1ad service tag {@code outer}, then 802.1Q customer tag {@code id}. */
    public static HostVlan qinq(int outer, int id, String ip) {
        return new HostVlan(id, ip, outer);
    }

    /** The sub-interface's name on top of {@code base}: {@code h1-eth0.10}, or {@code h1-eth0.100.10} with QinQ. */
    public String interfaceName(String base) {
        return outer == null ? base + "." + id : outerInterfaceName(base) + "." + id;
    }

    /** The 802.1ad interface carrying the outer tag: {@code h1-eth0.100}; only with {@link #outer()}. */
    public String outerInterfaceName(String base) {
        return base + "." + outer;
    }

    /** The address without its prefix length. */
    public String address() {
        return ip.substring(0, ip.indexOf('/'));
    }

    static void checkId(String what, int id) {
        if (id < 1 || id > 4094) {
            throw new TopologyException(what + " must be 1..4094, not " + id);
        }
    }
}
