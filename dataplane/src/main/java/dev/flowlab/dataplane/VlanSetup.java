package dev.flowlab.dataplane;

import dev.flowlab.topologies.Host;
import dev.flowlab.topologies.HostVlan;
import dev.flowlab.topologies.Link;
import dev.flowlab.topologies.PortVlan;
import dev.flowlab.topologies.Topology;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * VLANs on both sides: a host's tagged sub-interfaces ({@code h1-eth0.10}; QinQ {@code h1-eth0.100.10} on an
 * 802.1ad {@code h1-eth0.100}) made with {@code ip link add ... type vlan}, and switch ports' access, trunk
 * and QinQ ({@code dot1q-tunnel}) settings in the OVS transaction that adds the ports.
 *
 * <p>MTU: Open vSwitch's userspace datapath sends through packet sockets, which take a frame of at most
 * MTU + 14 bytes, plus 4 only when the outer tag is 802.1Q; an 802.1ad (QinQ) outer tag gets no allowance.
 * So a frame with both tags and a full 1500-byte payload needs MTU 1508: in a network with QinQ ports the
 * switch-to-switch links that carry tags (trunk or QinQ ends) get it, and a host's own QinQ sub-interface
 * gets MTU 1492 (its frames then fit the switch's 1500-byte ports with both tags).
 */
final class VlanSetup {
    static final int QINQ_HOST_MTU = 1492;
    static final int QINQ_TRUNK_MTU = 1508;

    private VlanSetup() {
    }

    /** {@code ip -n HOST -batch} lines making the host's sub-interfaces with their addresses. */
    static List<String> hostLines(Host h) {
        String base = Topology.interfaceName(h.name(), 0);
        List<String> lines = new ArrayList<>();
        Set<Integer> outers = new LinkedHashSet<>();
        for (HostVlan v : h.vlans()) {
            if (v.outer() != null && outers.add(v.outer())) {
                String outer = v.outerInterfaceName(base);
                lines.add("link add link " + base + " name " + outer + " type vlan protocol 802.1ad id " + v.outer());
                lines.add("link set dev " + outer + " up");
            }
            String lower = v.outer() == null ? base : v.outerInterfaceName(base);
            String ifname = v.interfaceName(base);
            lines.add("link add link " + lower + " name " + ifname + (v.outer() == null ? "" : " mtu " + QINQ_HOST_MTU)
                    + " type vlan id " + v.id());
            lines.add("address add " + v.ip() + " dev " + ifname);
            lines.add("link set dev " + ifname + " up");
        }
        return lines;
    }

    /** ovs-vsctl arguments setting each switch port's VLAN role, for the transaction that adds the ports. */
    static List<String> ovsArgs(Topology t) {
        List<String> argv = new ArrayList<>();
        for (Link l : t.links()) {
            addPortArgs(argv, l.interfaceA(), l.vlanA());
            addPortArgs(argv, l.interfaceB(), l.vlanB());
        }
        return argv;
    }

    /** Root-namespace {@code ip -batch} lines raising the MTU of tag-carrying switch links when QinQ is in use. */
    static List<String> trunkMtuLines(Topology t) {
        boolean qinq = t.links().stream().anyMatch(l -> isQinq(l.vlanA()) || isQinq(l.vlanB()));
        List<String> lines = new ArrayList<>();
        for (Link l : t.links()) {
            boolean switches = t.switchNamed(l.nodeA()).isPresent() && t.switchNamed(l.nodeB()).isPresent();
            if (qinq && switches && (l.vlanA() != null || l.vlanB() != null)) {
                lines.add("link set dev " + l.interfaceA() + " mtu " + QINQ_TRUNK_MTU);
                lines.add("link set dev " + l.interfaceB() + " mtu " + QINQ_TRUNK_MTU);
            }
        }
        return lines;
    }

    /** True when some host has 802.1Q sub-interfaces (without, or with an outer 802.1ad tag). */
    static boolean hostsTag(Topology t, boolean qinq) {
        return t.hosts().stream().flatMap(h -> h.vlans().stream()).anyMatch(v -> (v.outer() != null) == qinq);
    }

    private static void addPortArgs(List<String> argv, String ifname, PortVlan vlan) {
        if (vlan != null) {
            argv.addAll(List.of("--", "set", "port", ifname));
            argv.addAll(vlan.ovsSettings());
        }
    }

    private static boolean isQinq(PortVlan v) {
        return v != null && v.mode() == PortVlan.Mode.QINQ;
    }
}
