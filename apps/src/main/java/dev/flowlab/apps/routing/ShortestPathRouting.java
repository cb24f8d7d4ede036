package dev.flowlab.apps.routing;

import com.google.inject.Inject;
import dev.flowlab.controller.api.App;
import dev.flowlab.controller.api.AppContext;
import dev.flowlab.controller.api.Arp;
import dev.flowlab.controller.api.Ethernet;
import dev.flowlab.controller.api.Flows;
import dev.flowlab.controller.api.HostInfo;
import dev.flowlab.controller.api.HostListener;
import dev.flowlab.controller.api.HostService;
import dev.flowlab.controller.api.Link;
import dev.flowlab.controller.api.PacketIn;
import dev.flowlab.controller.api.Role;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.api.SwitchPort;
import dev.flowlab.controller.api.TopologyListener;
import dev.flowlab.controller.api.TopologyService;
import dev.flowlab.controller.api.Verdict;
import dev.flowlab.controller.api.VlanRole;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.projectfloodlight.openflow.protocol.action.OFAction;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.MacAddress;
import org.projectfloodlight.openflow.types.OFPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shortest-path forwarding on any topology, loops included. A packet to a known host gets entries
 * on every switch of a shortest path (destination switch first, then a barrier, then the ingress
 * switch), then goes on its way; the way back is set up at the same time. ARP requests for a known
 * address are answered here (and the two hosts' routes set up, since traffic follows); other
 * broadcasts and unknown destinations go straight from the controller to every edge port, never
 * over an inter-switch link, so loops cannot make storms (in a VLAN network: hop by hop along the
 * broadcast tree, see {@link #floodAlongTree}). When a link goes down or a host moves,
 * the routes over it are withdrawn and the next packet finds a new path.
 *
 * <p>Options ({@link RoutingConfig}): {@code fast_failover} gives every hop a precomputed backup in a
 * fast-failover group, so a switch bypasses a cut link by itself; {@code ecmp} spreads pairs over all
 * equal-cost paths with select groups.
 */
public final class ShortestPathRouting implements App, TopologyListener, HostListener {
    private static final Logger LOG = LoggerFactory.getLogger(ShortestPathRouting.class);

    private final TopologyService topology;
    private final HostService hosts;
    private final RecentFrames floods = new RecentFrames(Duration.ofMillis(500));
    private AppContext context;
    private RouteInstaller routes;
    private RoutingConfig config = RoutingConfig.DEFAULTS;

    @Inject
    public ShortestPathRouting(TopologyService topology, HostService hosts) {
        this.topology = topology;
        this.hosts = hosts;
    }

    @Override
    public void start(AppContext context) {
        this.context = context;
        this.config = context.config(RoutingConfig.class).orElse(RoutingConfig.DEFAULTS);
        this.routes = new RouteInstaller(context, topology, config);
        topology.addListener(this);
        hosts.addListener(this);
    }

    /** The VLAN stage rewrites the outputs of flows and packet-outs, not those inside group buckets. */
    @Override
    public Optional<String> refuseVlans(Collection<VlanRole> roles) {
        return config.usesGroups() ? Optional.of("fast_failover and ecmp forward through groups, whose outputs the VLAN"
                + " stage does not rewrite; turn them off in the routing config") : Optional.empty();
    }

    @Override
    public void stop() {
        topology.removeListener(this);
        hosts.removeListener(this);
    }

    /**
     * A controller alone starts each switch from a clean slate: entries (and groups) from an earlier run
     * may lead anywhere. A cluster's new master (role MASTER) keeps the paths the previous master installed,
     * so established traffic keeps flowing through the takeover: the same apps on the same network
     * made them, they go idle within {@link PathFlows#IDLE_TIMEOUT} s when unused, and a link that
     * goes down takes the entries that lead into it along (see {@link #onLinkDown}).
     */
    @Override
    public void onSwitchUp(Switch sw) {
        if (sw.role() != Role.MASTER) {
            routes.clean(sw);
        }
    }

    @Override
    public void onSwitchDown(DatapathId dpid) {
        routes.forget(dpid);
    }

    @Override
    public Verdict onPacketIn(PacketIn in) {
        Ethernet eth = in.ethernet();
        MacAddress dst = eth.destination();
        if (dst.isBroadcast() || dst.isMulticast()) {
            Optional<Arp> arp = eth.arp();
            if (arp.isEmpty() || !answered(in, arp.get())) {
                flood(in);
            }
            return Verdict.HANDLED;
        }
        // The same MAC may be a host in another VLAN, or (QinQ) another customer's in the same VLAN: ask for this frame's.
        Optional<HostInfo> target = hosts.hostByMac(in.sw().id(), HostInfo.vlanOf(eth), dst);
        if (target.isEmpty()) {
            flood(in);   // unknown destination: its answer will teach us where it is
            return Verdict.HANDLED;
        }
        List<Leg> legs = legs(new SwitchPort(in.sw().id(), in.inPort()), eth.source(), target.get());
        if (!legs.isEmpty()) {
            routes.installThenForward(in, legs);
        }
        return Verdict.HANDLED;
    }

    /**
     * Proxy ARP: answers a request for a known address out of the port it came in on, and sets up
     * both hosts' routes, since the asker is about to send. Not for a request in a VLAN: flooded
     * within its VLAN, it is answered by that VLAN's hosts themselves.
     */
    private boolean answered(PacketIn in, Arp arp) {
        if (!ProxyArp.isQuestion(arp) || in.ethernet().vlan().isPresent()) {
            return false;   // in a VLAN the question is flooded within it, so only that VLAN's hosts answer
        }
        Optional<HostInfo> target = hosts.hostByIp(HostInfo.UNTAGGED, arp.targetIp());
        if (target.isEmpty()) {
            return false;
        }
        routes.install(legs(new SwitchPort(in.sw().id(), in.inPort()), arp.senderMac(), target.get()));
        in.sw().sendFrame(ProxyArp.reply(arp, target.get().mac()), in.inPort());
        return true;
    }

    /**
     * The way from {@code from} (where {@code src} sent from) to {@code target}, and, when
     * {@code src} is a host known right there, its way home too: the answer then needs no packet-in
     * of its own. Empty when there is no path, or nothing to do.
     */
    private List<Leg> legs(SwitchPort from, MacAddress src, HostInfo target) {
        List<Leg> legs = new ArrayList<>(2);
        if (from.equals(target.location())) {
            return legs;   // the destination is behind the port the packet came from
        }
        Optional<Route> there = routeBetween(from, target.location());
        if (there.isEmpty()) {
            LOG.debug("no path from {} to {} ({})", from, target.location(), target.mac());
            return legs;
        }
        legs.add(new Leg(src, target.mac(), there.get()));
        if (hosts.hostByMac(from.dpid(), target.vlan(), src).filter(h -> h.location().equals(from)).isPresent()) {
            routeBetween(target.location(), from).ifPresent(back -> legs.add(new Leg(target.mac(), src, back)));
        }
        return legs;
    }

    private Optional<Route> routeBetween(SwitchPort from, SwitchPort to) {
        return topology.shortestPath(from.dpid(), to.dpid()).map(path -> new Route(from, path, to));
    }

    /**
     * Floods from the controller: one packet-out per switch, out of its edge ports (all but the one
     * the frame came in on). The controller is the root of this broadcast tree, so the frame never
     * crosses an inter-switch link and cannot loop, and it reaches every host after one packet-in
     * rather than one per switch on the way. A broadcast arriving over an inter-switch link, or the
     * same frame again at the same switch (links not all discovered yet), is a copy: drop it.
     */
    private void flood(PacketIn in) {
        DatapathId dpid = in.sw().id();
        byte[] frame = in.ethernet().bytes();
        if (in.ethernet().vlan().isPresent()) {
            floodAlongTree(in, frame);
            return;
        }
        if (!topology.isEdgePort(dpid, in.inPort()) || !floods.firstTime(dpid, frame, System.nanoTime())) {
            return;
        }
        SwitchPort from = new SwitchPort(dpid, in.inPort());
        Map<DatapathId, List<OFAction>> outputs = new LinkedHashMap<>();
        for (SwitchPort edge : topology.edgePorts()) {
            if (!edge.equals(from)) {
                outputs.computeIfAbsent(edge.dpid(), d -> new ArrayList<>()).add(Flows.output(in.sw().factory(), edge.port()));
            }
        }
        outputs.forEach((at, actions) -> context.switchById(at).ifPresent(sw -> sw.sendFrame(frame, actions)));
    }

    /**
     * A frame in a VLAN goes hop by hop along the broadcast tree instead, and each switch's VLAN stage
     * lets it out of the ports of its VLAN only. Sent straight to every edge port it would skip the
     * switches where its VLAN changes (a provider edge pushing a customer's service VLAN) and reach
     * another customer who uses the same customer VLAN. A copy that came in off the tree is dropped.
     */
    private void floodAlongTree(PacketIn in, byte[] frame) {
        DatapathId dpid = in.sw().id();
        Set<OFPort> tree = topology.broadcastPorts(dpid);
        if (!tree.contains(in.inPort()) || !floods.firstTime(dpid, frame, System.nanoTime())) {
            return;
        }
        List<OFAction> outputs = tree.stream().filter(p -> !p.equals(in.inPort()))
                .map(p -> (OFAction) Flows.output(in.sw().factory(), p)).toList();
        if (!outputs.isEmpty()) {
            in.sw().sendFrame(frame, outputs);
        }
    }

    @Override
    public void onLinkDown(Link link) {
        routes.withdrawUsing(link);
        // Paths a previous master installed are not in this member's record: remove whatever leads into the link.
        context.switchById(link.srcDpid()).ifPresent(sw -> sw.send(PathFlows.removeOutTo(sw.factory(), context.cookie(), link.srcPort())));
        context.switchById(link.dstDpid()).ifPresent(sw -> sw.send(PathFlows.removeOutTo(sw.factory(), context.cookie(), link.dstPort())));
    }

    @Override
    public void onHostMoved(HostInfo before, HostInfo after) {
        routes.withdrawHost(after.mac());
    }

    @Override
    public void onHostRemoved(HostInfo host) {
        routes.withdrawHost(host.mac());
    }
}
