package dev.flowlab.apps.router;

import dev.flowlab.controller.api.Link;
import dev.flowlab.controller.api.Path;
import dev.flowlab.controller.api.SwitchPort;
import dev.flowlab.controller.api.TopologyListener;
import dev.flowlab.controller.api.TopologyService;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToDoubleFunction;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.OFPort;

/**
 * A topology the test states (cables between switch ports) instead of discovering. Paths are single
 * cables: the router tests have two switches, and path finding is the controller's graph's job, tested there.
 */
final class FixedTopology implements TopologyService {
    private final Set<Link> links = new HashSet<>();
    private final List<TopologyListener> listeners = new CopyOnWriteArrayList<>();

    /** Adds a cable: both directions. */
    FixedTopology cable(long a, int portA, long b, int portB) {
        Link link = new Link(DatapathId.of(a), OFPort.of(portA), DatapathId.of(b), OFPort.of(portB));
        links.add(link);
        links.add(link.reversed());
        return this;
    }

    /** Cuts a cable and tells the listeners, as discovery does. */
    void cut(long a, int portA, long b, int portB) {
        Link link = new Link(DatapathId.of(a), OFPort.of(portA), DatapathId.of(b), OFPort.of(portB));
        links.remove(link);
        links.remove(link.reversed());
        listeners.forEach(l -> {
            l.onLinkDown(link);
            l.onLinkDown(link.reversed());
        });
    }

    @Override
    public Set<DatapathId> switches() {
        Set<DatapathId> all = new HashSet<>();
        links.forEach(l -> {
            all.add(l.srcDpid());
            all.add(l.dstDpid());
        });
        return all;
    }

    @Override
    public Set<Link> links() {
        return Set.copyOf(links);
    }

    @Override
    public Optional<Path> shortestPath(DatapathId src, DatapathId dst) {
        if (src.equals(dst)) {
            return Optional.of(new Path(src, dst, List.of()));
        }
        return links.stream().filter(l -> l.srcDpid().equals(src) && l.dstDpid().equals(dst)).findFirst()
                .map(l -> new Path(src, dst, List.of(l)));
    }

    @Override
    public Optional<Path> shortestPath(DatapathId src, DatapathId dst, ToDoubleFunction<Link> weight) {
        return shortestPath(src, dst);
    }

    @Override
    public Set<Link> broadcastTree() {
        return links();
    }

    @Override
    public Set<OFPort> broadcastPorts(DatapathId dpid) {
        throw new UnsupportedOperationException("not used by the router");
    }

    @Override
    public boolean isEdgePort(DatapathId dpid, OFPort port) {
        SwitchPort end = new SwitchPort(dpid, port);
        return links.stream().noneMatch(l -> l.touches(end));
    }

    /** The test states cables only, not every port: the router does not flood, so none are needed. */
    @Override
    public List<SwitchPort> edgePorts() {
        return List.of();
    }

    @Override
    public void addListener(TopologyListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(TopologyListener listener) {
        listeners.remove(listener);
    }
}
