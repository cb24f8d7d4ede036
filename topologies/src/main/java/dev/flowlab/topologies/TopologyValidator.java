package dev.flowlab.topologies;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Whole-network rules checked when a topology is built; each failure names the element and the fix.
 * Rules about one element live with it (records' constructors, {@link TopologyBuilder#addLink}).
 */
final class TopologyValidator {
    private TopologyValidator() {
    }

    static void validate(Topology t) {
        Map<String, String> ips = new HashMap<>();
        Map<String, String> macs = new HashMap<>();
        Map<Long, String> dpids = new HashMap<>();
        Set<String> linked = new HashSet<>();
        t.links().forEach(l -> {
            linked.add(l.nodeA());
            linked.add(l.nodeB());
        });
        for (Host h : t.hosts()) {
            String other = ips.put(h.address(), h.name());
            if (other != null) {
                throw new TopologyException(h.name(), "hosts " + other + " and " + h.name()
                        + " both have address " + h.address() + ": give each host its own address");
            }
            other = h.mac() == null ? null : macs.put(h.mac(), h.name());
            if (other != null) {
                throw new TopologyException(h.name(), "hosts " + other + " and " + h.name() + " both have MAC "
                        + h.mac() + " (derived MACs are the host's number): give each host its own MAC");
            }
            if (!linked.contains(h.name())) {
                throw new TopologyException(h.name(), "host " + h.name()
                        + " has no link, so its address has no interface: link it to a switch");
            }
        }
        for (Host h : t.hosts()) {
            for (String alias : h.aliases()) {
                String address = alias.substring(0, alias.indexOf('/'));
                String other = ips.put(address, h.name());
                if (other != null && !other.equals(h.name())) {
                    throw new TopologyException(h.name(), "host " + h.name() + ": alias " + alias + " is "
                            + other + "'s address too: give each host its own addresses");
                }
            }
            if (h.nat() != null) {
                checkNat(t, h);
            }
        }
        Set<String> tunnelKeys = new HashSet<>();
        for (Tunnel tunnel : t.tunnels()) {
            String key = tunnel.type() + " " + tunnel.underlayNamespace() + " " + tunnel.local() + " "
                    + tunnel.remote() + " " + tunnel.key() + " " + tunnel.dstPort();
            if (!tunnelKeys.add(key)) {
                throw new TopologyException(tunnel.interfaceName(), tunnel.label() + " has the same endpoints, key and "
                        + "port as another tunnel, so the kernel could not tell them apart: give it another key (vni)");
            }
        }
        for (Switch s : t.switches()) {
            String other = dpids.put(s.dpid(), s.name());
            if (other != null) {
                throw new TopologyException(s.name(), "switches " + other + " and " + s.name()
                        + " both have datapath id " + s.dpid() + ": give each switch its own dpid");
            }
        }
    }

    /** A NAT gateway needs an outside link that is not its first (which carries its inside address). */
    private static void checkNat(Topology t, Host h) {
        Nat nat = h.nat();
        if (h.gateway() != null) {
            throw new TopologyException(h.name(), "host " + h.name() + " is a NAT gateway, so its default route goes "
                    + "to the outside (nat: gateway); leave out its own gateway");
        }
        Link outside = t.linksOf(h.name()).stream().filter(l -> l.other(h.name()).equals(nat.outside()))
                .findFirst().orElseThrow(() -> new TopologyException(h.name(), "host " + h.name() + ": nat outside "
                        + nat.outside() + " is not linked to it; link it to the outside switch"));
        if (outside.portOf(h.name()) == 0) {
            throw new TopologyException(h.name(), "host " + h.name() + ": its link to " + nat.outside()
                    + " is its first (eth0), which carries its inside address " + h.ip()
                    + "; list its inside link first");
        }
        if (t.linksOf(h.name()).size() < 2) {
            throw new TopologyException(h.name(), "host " + h.name() + " is a NAT gateway with one link: link its "
                    + "inside (first link) and its outside to different switches");
        }
    }
}
