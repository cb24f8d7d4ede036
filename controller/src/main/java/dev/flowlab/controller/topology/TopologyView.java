package dev.flowlab.controller.topology;

import dev.flowlab.controller.api.Link;
import dev.flowlab.controller.api.Path;
import dev.flowlab.controller.api.Ports;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.api.SwitchPort;
import dev.flowlab.controller.api.TopologyListener;
import dev.flowlab.controller.api.TopologyService;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToDoubleFunction;
import org.projectfloodlight.openflow.protocol.OFPortDesc;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.OFPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The discovered topology: connected switches, the links {@link LinkDiscovery} reports, and a
 * {@link SwitchGraph} snapshot rebuilt on every change. Changes are serialised by one lock, and
 * listeners hear them in order, after the snapshot already shows them; queries read the snapshot
 * without a lock.
 */
public final class TopologyView implements TopologyService {
    private static final Logger LOG = LoggerFactory.getLogger(TopologyView.class);

    private final Map<DatapathId, Switch> switches = new ConcurrentHashMap<>();
    private final LinkTable table = new LinkTable();
    private final List<TopologyListener> listeners = new CopyOnWriteArrayList<>();
    private volatile SwitchGraph graph = SwitchGraph.EMPTY;

    synchronized void switchUp(Switch sw) {
        switches.put(sw.id(), sw);
        changed(false, null, List.of());
    }

    synchronized void switchDown(DatapathId dpid) {
        switches.remove(dpid);
        changed(false, null, table.removeSwitch(dpid));
    }

    /** A probe sent from {@code link.src()} arrived at {@code link.dst()} at {@code now}. */
    synchronized void linkSeen(Link link, long now) {
        Switch from = switches.get(link.srcDpid());
        Switch to = switches.get(link.dstDpid());
        if (from == null || to == null || from.port(link.srcPort()).isEmpty() || to.port(link.dstPort()).isEmpty()) {
            return;   // a probe that was on the wire while its switch or port went away
        }
        LinkTable.Change change = table.seen(link, now);
        if (change.any()) {
            changed(change.added(), link, change.removed());
        }
    }

    synchronized void portDown(SwitchPort port) {
        changed(false, null, table.removeTouching(port));
    }

    synchronized void expire(long now, long timeoutNanos) {
        changed(false, null, table.expire(now, timeoutNanos));
    }

    /** The connected switch's handle (its ports' names give their VLAN roles). */
    Optional<Switch> handle(DatapathId dpid) {
        return Optional.ofNullable(switches.get(dpid));
    }

        /** Connected switch handles, for sending probes. */
    Collection<Switch> connected() {
        return List.copyOf(switches.values());
    }

    private void changed(boolean added, Link link, List<Link> removed) {
        graph = new SwitchGraph(switches.keySet(), table.links());
        for (Link l : removed) {
            LOG.info("link down {}", l);
            listeners.forEach(x -> tell(x, "onLinkDown", () -> x.onLinkDown(l)));
        }
        if (added) {
            LOG.info("link up {}", link);
            listeners.forEach(x -> tell(x, "onLinkUp", () -> x.onLinkUp(link)));
        }
    }

    private static void tell(TopologyListener listener, String callback, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("topology listener {} threw in {}: {}", listener, callback, e.toString(), e);
        }
    }

    @Override
    public Set<DatapathId> switches() {
        return graph.switches();
    }

    @Override
    public Set<Link> links() {
        return graph.links();
    }

    @Override
    public Optional<Path> shortestPath(DatapathId src, DatapathId dst) {
        return graph.shortestPath(src, dst);
    }

    @Override
    public Optional<Path> shortestPath(DatapathId src, DatapathId dst, ToDoubleFunction<Link> weight) {
        return graph.shortestPath(src, dst, weight);
    }

    @Override
    public Set<Link> broadcastTree() {
        return graph.broadcastTree();
    }

    @Override
    public Set<OFPort> broadcastPorts(DatapathId dpid) {
        Switch sw = switches.get(dpid);
        if (sw == null) {
            return Set.of();
        }
        SwitchGraph g = graph;
        Set<OFPort> result = new HashSet<>();
        for (OFPortDesc desc : sw.ports()) {
            SwitchPort port = new SwitchPort(dpid, desc.getPortNo());
            if (Ports.isUp(desc) && (!g.isLinkEnd(port) || g.isTreePort(port))) {
                result.add(desc.getPortNo());
            }
        }
        return Set.copyOf(result);
    }

    @Override
    public List<SwitchPort> edgePorts() {
        SwitchGraph g = graph;
        List<SwitchPort> result = new ArrayList<>();
        for (DatapathId dpid : g.switches()) {   // sorted
            Switch sw = switches.get(dpid);
            if (sw == null) {
                continue;
            }
            for (OFPortDesc desc : sw.ports()) {   // sorted by port number
                SwitchPort port = new SwitchPort(dpid, desc.getPortNo());
                if (Ports.isUp(desc) && !g.isLinkEnd(port)) {
                    result.add(port);
                }
            }
        }
        return result;
    }

    @Override
    public boolean isEdgePort(DatapathId dpid, OFPort port) {
        return !graph.isLinkEnd(new SwitchPort(dpid, port));
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
