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
        for (Switch s : t.switches()) {
            String other = dpids.put(s.dpid(), s.name());
            if (other != null) {
                throw new TopologyException(s.name(), "switches " + other + " and " + s.name()
                        + " both have datapath id " + s.dpid() + ": give each switch its own dpid");
            }
        }
    }
}
