package dev.flowlab.topologies;

import java.util.Objects;

/**
 * A switch port that is one end of an Ethernet tunnel to a remote endpoint (VXLAN, or Ethernet over GRE),
 * so that switches of two networks, on two machines or in two flowlab runs, are joined as by a cable.
 * The encapsulated packets leave from the underlay: the root network namespace (another machine is
 * reached through the machine's own routes), or {@code underlayNamespace} when given.
 *
 * <p>MTU: each frame gains the tunnel's overhead (VXLAN 50 bytes, GRE 38), so the tunnel port and every
 * host of its network get {@code mtu} (default: 1500 minus the overhead) and never send a frame the
 * underlay's 1500-byte MTU would have to fragment.
 *
 * @param switchName        the switch it is a port of
 * @param port              its OpenFlow port number; 0 when added to a builder means the next free one
 * @param type              VXLAN or GRE
 * @param remote            the far end's underlay IPv4 address
 * @param local             this end's underlay IPv4 address (required for GRE), or null
 * @param key               VXLAN network id (default 1) or GRE key (default none)
 * @param dstPort           VXLAN UDP port (default 4789); not for GRE
 * @param underlayNamespace network namespace holding the underlay, or null for the root namespace
 * @param mtu               MTU of the tunnel port and of the network's hosts, or null for the default
 */
public record Tunnel(String switchName, int port, Type type, String remote, String local, Integer key,
                     Integer dstPort, String underlayNamespace, Integer mtu) {
    /** Encapsulations; both carry Ethernet frames, as a switch port must. */
    public enum Type {
        /** VXLAN: Ethernet in UDP (Linux {@code type vxlan}); 50 bytes of overhead over IPv4. */
        VXLAN("vx", 50),
        /** Ethernet over GRE (Linux {@code type gretap}); 38 bytes of overhead, 42 with a key. */
        GRE("gre", 38);

        private final String suffix;
        private final int overhead;

        Type(String suffix, int overhead) {
            this.suffix = suffix;
            this.overhead = overhead;
        }

        /** Bytes each frame gains on the underlay. */
        public int overhead() {
            return overhead;
        }
    }

    public Tunnel {
        Objects.requireNonNull(type, "type");
        String element = switchName + "-" + type.suffix + port;
        String label = port == 0 ? "on " + switchName : element;   // port 0: not yet numbered by the builder
        if (port < 0) {
            throw new TopologyException(switchName, "tunnel on " + switchName + ": switch ports start at 1, not " + port);
        }
        if (remote == null || Ipv4.parse(remote) < 0) {
            throw new TopologyException(element, "tunnel " + label + ": remote '" + remote
                    + "' is not an IPv4 address like 192.168.77.2");
        }
        if (local != null && Ipv4.parse(local) < 0) {
            throw new TopologyException(element, "tunnel " + label + ": local '" + local + "' is not an IPv4 address");
        }
        if (type == Type.GRE && local == null) {
            throw new TopologyException(element, "tunnel " + label + ": a GRE tunnel needs its local underlay address");
        }
        if (type == Type.GRE && dstPort != null) {
            throw new TopologyException(element, "tunnel " + label + ": dst_port is for VXLAN; GRE has no ports");
        }
        if (key != null && (key < 0 || type == Type.VXLAN && (key < 1 || key > 0xffffff))) {
            throw new TopologyException(element, "tunnel " + label + ": " + (type == Type.VXLAN
                    ? "VXLAN network id must be 1..16777215" : "GRE key must not be negative") + ", not " + key);
        }
        if (dstPort != null && (dstPort < 1 || dstPort > 65535)) {
            throw new TopologyException(element, "tunnel " + label + ": dst_port must be 1..65535, not " + dstPort);
        }
        if (mtu != null && (mtu < 576 || mtu > 65535 - type.overhead)) {
            throw new TopologyException(element, "tunnel " + label + ": mtu must be 576.." + (65535 - type.overhead)
                    + ", not " + mtu);
        }
        if (underlayNamespace != null && !underlayNamespace.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new TopologyException(element, "tunnel " + label + ": underlay namespace '" + underlayNamespace
                    + "' is not a network namespace name");
        }
    }

    /** A VXLAN tunnel on the switch's next free port: network id {@code vni}, UDP port 4789, root-namespace underlay. */
    public static Tunnel vxlan(String switchName, String local, String remote, int vni) {
        return new Tunnel(switchName, 0, Type.VXLAN, remote, local, vni, null, null, null);
    }

    /** An Ethernet-over-GRE tunnel on the switch's next free port, without key, root-namespace underlay. */
    public static Tunnel gre(String switchName, String local, String remote) {
        return new Tunnel(switchName, 0, Type.GRE, remote, local, null, null, null, null);
    }

    /** A copy whose underlay is the network namespace {@code namespace} (made and owned by you, not flowlab). */
    public Tunnel withUnderlayNamespace(String namespace) {
        return new Tunnel(switchName, port, type, remote, local, key, dstPort, namespace, mtu);
    }

    /** A copy with this VXLAN UDP port. */
    public Tunnel withDstPort(int udpPort) {
        return new Tunnel(switchName, port, type, remote, local, key, udpPort, underlayNamespace, mtu);
    }

    /** A copy with this MTU for the tunnel port and the network's hosts. */
    public Tunnel withMtu(int bytes) {
        return new Tunnel(switchName, port, type, remote, local, key, dstPort, underlayNamespace, bytes);
    }

    /** A copy on switch port {@code number} (0: the switch's next free port, chosen by the builder). */
    public Tunnel withPort(int number) {
        return new Tunnel(switchName, number, type, remote, local, key, dstPort, underlayNamespace, mtu);
    }

    /** The device name: {@code s1-vx3} (VXLAN) or {@code s1-gre3} (GRE) for port 3 of s1. */
    public String interfaceName() {
        return switchName + "-" + type.suffix + port;
    }

    /** The tunnel's MTU: as given, or 1500 minus the encapsulation overhead. */
    public int effectiveMtu() {
        if (mtu != null) {
            return mtu;
        }
        return 1500 - type.overhead - (type == Type.GRE && key != null ? 4 : 0);
    }

    /** The VXLAN network id (1 unless given). */
    public int vni() {
        return key == null ? 1 : key;
    }

    /** The VXLAN UDP port (4789 unless given). */
    public int vxlanPort() {
        return dstPort == null ? 4789 : dstPort;
    }

    /** How errors name it: {@code tunnel s1-vx3}. */
    public String label() {
        return "tunnel " + interfaceName();
    }
}
