package dev.flowlab.topologies;

import java.util.Objects;

/**
 * A point-to-point link between two nodes' ports. Ports are numbered per node in the order
 * links are added, as in Mininet: hosts from 0 ({@code h1-eth0}), switches from 1 ({@code s1-eth1}),
 * so a switch's OpenFlow port number equals the number in its interface name.
 *
 * @param vlanA how end A's switch port treats VLAN tags ({@link PortVlan}), or null (no VLAN settings);
 *              only for a switch end
 * @param vlanB the same for end B
 */
public record Link(String nodeA, int portA, String nodeB, int portB, LinkParams params, PortVlan vlanA,
                   PortVlan vlanB) {
    /** A link without VLAN settings. */
    public Link(String nodeA, int portA, String nodeB, int portB, LinkParams params) {
        this(nodeA, portA, nodeB, portB, params, null, null);
    }

    public Link {
        Objects.requireNonNull(nodeA, "link end A");
        Objects.requireNonNull(nodeB, "link end B");
        params = params == null ? LinkParams.NONE : params;
    }

    /** The VLAN settings of {@code node}'s end (which must be an end of this link), or null. */
    public PortVlan vlanOf(String node) {
        return nodeA.equals(node) ? vlanA : vlanB;
    }

    /** Interface name of end A, e.g. {@code s1-eth2}. */
    public String interfaceA() {
        return Topology.interfaceName(nodeA, portA);
    }

    /** Interface name of end B. */
    public String interfaceB() {
        return Topology.interfaceName(nodeB, portB);
    }

    /** True if this link has {@code node} at either end. */
    public boolean touches(String node) {
        return nodeA.equals(node) || nodeB.equals(node);
    }

    /** True if this link joins the two nodes, in either order. */
    public boolean joins(String a, String b) {
        return (nodeA.equals(a) && nodeB.equals(b)) || (nodeA.equals(b) && nodeB.equals(a));
    }

    /** The node at the other end from {@code node} (which must be an end of this link). */
    public String other(String node) {
        return nodeA.equals(node) ? nodeB : nodeA;
    }

    /** The port number this link uses on {@code node} (which must be an end of this link). */
    public int portOf(String node) {
        return nodeA.equals(node) ? portA : portB;
    }

    /** How errors and logs name this link: {@code s1 <-> s2}. */
    public String label() {
        return label(nodeA, nodeB);
    }

    static String label(String a, String b) {
        return a + " <-> " + b;
    }
}
