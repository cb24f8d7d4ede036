package dev.flowlab.controller.topology;

import dev.flowlab.controller.api.Link;
import dev.flowlab.topologies.Topology;
import java.util.HashSet;
import java.util.Set;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.OFPort;

/** The directed links LLDP would find in a generated topology (both directions of each switch-to-switch cable). */
final class TopologyLinks {
    private TopologyLinks() {
    }

    static Set<Link> of(Topology t) {
        Set<Link> links = new HashSet<>();
        for (dev.flowlab.topologies.Link l : t.links()) {
            var a = t.switchNamed(l.nodeA());
            var b = t.switchNamed(l.nodeB());
            if (a.isPresent() && b.isPresent()) {
                Link link = new Link(DatapathId.of(a.get().dpid()), OFPort.of(l.portA()),
                        DatapathId.of(b.get().dpid()), OFPort.of(l.portB()));
                links.add(link);
                links.add(link.reversed());
            }
        }
        return links;
    }

    static Set<DatapathId> switches(Topology t) {
        Set<DatapathId> dpids = new HashSet<>();
        t.switches().forEach(s -> dpids.add(DatapathId.of(s.dpid())));
        return dpids;
    }

    static DatapathId dpid(long n) {
        return DatapathId.of(n);
    }
}
