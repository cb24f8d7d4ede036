package dev.flowlab.apps.routing;

import dev.flowlab.controller.api.Link;
import dev.flowlab.controller.api.Path;
import dev.flowlab.controller.api.SwitchPort;
import java.util.ArrayList;
import java.util.List;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.OFPort;

/**
 * A path between two switch ports: where the traffic enters the network, the switches it crosses,
 * and the port it leaves by.
 *
 * @param from the port the traffic comes in on (a host's edge port, usually)
 * @param path the inter-switch links from {@code from}'s switch to {@code to}'s
 * @param to   the port it leaves by (the destination host's port)
 */
record Route(SwitchPort from, Path path, SwitchPort to) {

    /** What one switch along the route does: traffic in on {@code in} goes out of {@code out}. */
    record Hop(DatapathId dpid, OFPort in, OFPort out) {
    }

    Route {
        if (!from.dpid().equals(path.src()) || !to.dpid().equals(path.dst())) {
            throw new IllegalArgumentException("path " + path.switches() + " does not join " + from + " to " + to);
        }
        if (from.equals(to)) {
            throw new IllegalArgumentException("a route from " + from + " back to itself");
        }
    }

    /** The hops in travel order: the ingress switch first. */
    List<Hop> hops() {
        List<Link> links = path.links();
        List<DatapathId> switches = path.switches();
        List<Hop> hops = new ArrayList<>(switches.size());
        for (int i = 0; i < switches.size(); i++) {
            OFPort in = i == 0 ? from.port() : links.get(i - 1).dstPort();
            OFPort out = i == links.size() ? to.port() : links.get(i).srcPort();
            hops.add(new Hop(switches.get(i), in, out));
        }
        return hops;
    }

    /** Whether the route crosses {@code link}'s cable, in either direction. */
    boolean uses(Link link) {
        return path.links().contains(link) || path.links().contains(link.reversed());
    }
}
