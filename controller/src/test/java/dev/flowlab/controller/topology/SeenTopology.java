package dev.flowlab.controller.topology;

import dev.flowlab.controller.testing.FakeSwitch;
import dev.flowlab.controller.api.Link;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.OFPort;

/**
 * A real {@link TopologyView} as link discovery leaves it, for tests of what reads it (the host
 * tracker, REST routes): switches up with their ports, cables seen in both directions. One graph,
 * the controller's, answers every path and edge-port question.
 */
public final class SeenTopology {
    private final TopologyView view = new TopologyView();

    /** A switch up with ports 1..{@code ports}. */
    public SeenTopology switchUp(long dpid, int ports) {
        view.switchUp(new FakeSwitch(dpid, ports));
        return this;
    }

    /** A cable between two switch ports, seen both ways. */
    public SeenTopology cable(long a, int portA, long b, int portB) {
        Link link = new Link(DatapathId.of(a), OFPort.of(portA), DatapathId.of(b), OFPort.of(portB));
        view.linkSeen(link, System.nanoTime());
        view.linkSeen(link.reversed(), System.nanoTime());
        return this;
    }

    /** The view. */
    public TopologyView view() {
        return view;
    }
}
