package dev.flowlab.lab;

import dev.flowlab.controller.ExpectedNetwork;
import dev.flowlab.topologies.Link;
import dev.flowlab.topologies.Switch;
import dev.flowlab.topologies.Topology;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.OFPort;

/** The one place a {@link Topology} becomes what a controller must see before traffic flows. */
public final class ExpectedTopology {
    private ExpectedTopology() {
    }

    /**
     * Every switch of the topology by its datapath id, with the ports of all its links, and both
     * directions of every switch-to-switch link.
     */
    public static ExpectedNetwork of(Topology topology) {
        Map<DatapathId, Set<OFPort>> ports = new HashMap<>();
        for (Switch s : topology.switches()) {
            Set<OFPort> own = new HashSet<>();
            for (Link l : topology.linksOf(s.name())) {
                own.add(OFPort.of(l.nodeA().equals(s.name()) ? l.portA() : l.portB()));
            }
            ports.put(DatapathId.of(s.dpid()), own);
        }
        Set<dev.flowlab.controller.api.Link> links = new HashSet<>();
        for (Link l : topology.links()) {
            var a = topology.switchNamed(l.nodeA());
            var b = topology.switchNamed(l.nodeB());
            if (a.isPresent() && b.isPresent()) {
                var link = new dev.flowlab.controller.api.Link(DatapathId.of(a.get().dpid()), OFPort.of(l.portA()),
                        DatapathId.of(b.get().dpid()), OFPort.of(l.portB()));
                links.add(link);
                links.add(link.reversed());
            }
        }
        return new ExpectedNetwork(ports, links);
    }
}
