package dev.flowlab.controller.api;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.OFPort;

/**
 * The switch graph the controller discovered: connected switches and the links between them,
 * found by LLDP frames the controller sends out of every switch port. Apps {@code @Inject} it.
 *
 * <p>Answers reflect the moment of the call and are safe from any thread. Ties between equally good
 * paths are broken the same way every time (lower datapath id, then lower port), so routes are
 * repeatable.
 */
public interface TopologyService {

    /** Switches that are connected (finished their handshake). */
    Set<DatapathId> switches();

    /** Every directed inter-switch link currently up. */
    Set<Link> links();

    /** A path with the fewest hops from {@code src} to {@code dst}; empty if there is none. */
    Optional<Path> shortestPath(DatapathId src, DatapathId dst);

    /**
     * A path of least total weight from {@code src} to {@code dst}; empty if there is none.
     *
     * @param weight cost of each link, positive (for example its inverse bandwidth)
     */
    Optional<Path> shortestPath(DatapathId src, DatapathId dst, ToDoubleFunction<Link> weight);

    /**
     * The links of a spanning tree over the switches (both directions of each tree cable): flooding
     * only along these and out of edge ports reaches every switch once and never loops.
     */
    Set<Link> broadcastTree();

    /**
     * The ports a broadcast leaves {@code dpid} by: its ports that are up and either edge ports or
     * ends of {@link #broadcastTree()} links. A broadcast that arrives on any other port is a copy
     * that looped and should be dropped.
     */
    Set<OFPort> broadcastPorts(DatapathId dpid);

    /** Whether {@code port} of {@code dpid} is not an end of any inter-switch link (hosts attach there). */
    boolean isEdgePort(DatapathId dpid, OFPort port);

    /**
     * Every edge port that is up, on every connected switch, ordered by datapath id then port: where
     * a frame must go to reach every host once. Sending a broadcast out of these (one packet-out per
     * switch) reaches every host without crossing an inter-switch link, so it cannot loop.
     */
    List<SwitchPort> edgePorts();

    /** Calls {@code listener} on every later link change. */
    void addListener(TopologyListener listener);

    /** Stops calling {@code listener}. */
    void removeListener(TopologyListener listener);
}
