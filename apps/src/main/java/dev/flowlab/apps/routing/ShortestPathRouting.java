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
import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.api.SwitchPort;
import dev.flowlab.controller.api.TopologyListener;
import dev.flowlab.controller.api.TopologyService;
import dev.flowlab.controller.api.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.protocol.action.OFAction;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.MacAddress;
import org.projectfloodlight.openflow.types.OFBufferId;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.U64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shortest-path forwarding on any topology, loops included. A packet to a known host gets entries
 * on every switch of a shortest path (destination switch first, then a barrier, then the ingress
 * switch), then goes on its way. ARP requests for a known address are answered here; other
 * broadcasts and unknown destinations go straight from the controller to every edge port, never
 * over an inter-switch link, so loops cannot make storms. When a link goes down or a host moves,
 * the routes over it are withdrawn and the next packet finds a new path.
 */
public final class ShortestPathRouting implements App, TopologyListener, HostListener {
    private static final Logger LOG = LoggerFactory.getLogger(ShortestPathRouting.class);
    private static final OFFactory FACTORY = OFFactories.getFactory(OFVersion.OF_13);

    private final TopologyService topology;
    private final HostService hosts;
    private final InstalledRoutes installed = new InstalledRoutes();
    private final RecentFrames floods = new RecentFrames(Duration.ofMillis(500));
    private AppContext context;
    private U64 cookie;

    @Inject
    public ShortestPathRouting(TopologyService topology, HostService hosts) {
        this.topology = topology;
        this.hosts = hosts;
    }

    @Override
    public void start(AppContext context) {
        this.context = context;
        this.cookie = context.cookie();
        topology.addListener(this);
        hosts.addListener(this);
    }

    @Override
    public void stop() {
        topology.removeListener(this);
        hosts.removeListener(this);
    }

    /** Entries from an earlier run may lead anywhere: start each switch from a clean slate. */
    @Override
    public void onSwitchUp(Switch sw) {
        sw.send(PathFlows.removeAll(sw.factory(), cookie));
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
        Optional<HostInfo> target = hosts.hostByMac(dst);
        if (target.isEmpty()) {
            flood(in);   // unknown destination: its answer will teach us where it is
        } else {
            route(in, eth.source(), target.get());
        }
        return Verdict.HANDLED;
    }

    /** Proxy ARP: answers a request for a known address out of the port it came in on. */
    private boolean answered(PacketIn in, Arp arp) {
        if (!ProxyArp.isQuestion(arp)) {
            return false;
        }
        Optional<HostInfo> target = hosts.hostByIp(arp.targetIp());
        if (target.isEmpty()) {
            return false;
        }
        OFFactory of = in.sw().factory();
        in.sw().send(of.buildPacketOut()
                .setBufferId(OFBufferId.NO_BUFFER)
                .setInPort(OFPort.CONTROLLER)
                .setActions(List.of(Flows.output(of, in.inPort())))
                .setData(ProxyArp.reply(arp, target.get().mac()))
                .build());
        return true;
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
        if (!topology.isEdgePort(dpid, in.inPort()) || !floods.firstTime(dpid, frame, System.nanoTime())) {
            return;
        }
        SwitchPort from = new SwitchPort(dpid, in.inPort());
        Map<DatapathId, List<OFAction>> outputs = new LinkedHashMap<>();
        for (SwitchPort edge : topology.edgePorts()) {
            if (!edge.equals(from)) {
                outputs.computeIfAbsent(edge.dpid(), d -> new ArrayList<>()).add(Flows.output(FACTORY, edge.port()));
            }
        }
        outputs.forEach((at, actions) -> context.switchById(at).ifPresent(sw -> sw.send(sw.factory().buildPacketOut()
                .setBufferId(OFBufferId.NO_BUFFER)
                .setInPort(OFPort.CONTROLLER)
                .setActions(actions)
                .setData(frame)
                .build())));
    }

    private void route(PacketIn in, MacAddress src, HostInfo target) {
        SwitchPort from = new SwitchPort(in.sw().id(), in.inPort());
        if (from.equals(target.location())) {
            return;   // the destination is behind the port the packet came from: nothing to do
        }
        Optional<Route> there = routeBetween(from, target.location());
        if (there.isEmpty()) {
            LOG.debug("no path from {} to {} ({})", from, target.location(), target.mac());
            return;
        }
        List<InstalledRoutes.Entry> legs = new ArrayList<>(2);
        legs.add(new InstalledRoutes.Entry(src, target.mac(), there.get()));
        // The answer will come straight back: when the sender is a host we know right here, set up
        // its way home now, and the reply needs no packet-in of its own.
        boolean senderIsHere = hosts.hostByMac(src).filter(h -> h.location().equals(from)).isPresent();
        if (senderIsHere) {
            routeBetween(target.location(), from).ifPresent(back -> legs.add(new InstalledRoutes.Entry(target.mac(), src, back)));
        }
        install(in, legs);
    }

    private Optional<Route> routeBetween(SwitchPort from, SwitchPort to) {
        return topology.shortestPath(from.dpid(), to.dpid()).map(path -> new Route(from, path, to));
    }

    /**
     * Sends the entries of every switch but the ingress one, waits for their barriers, then sets up
     * the ingress switch and forwards the packet (the first leg's): it never overtakes its own entries.
     */
    private void install(PacketIn in, List<InstalledRoutes.Entry> legs) {
        Switch ingress = in.sw();
        List<PathFlows.SwitchFlow> atIngress = new ArrayList<>();
        Map<DatapathId, Switch> elsewhere = new LinkedHashMap<>();
        for (InstalledRoutes.Entry leg : legs) {
            installed.put(leg.src(), leg.dst(), leg.route());
            for (PathFlows.SwitchFlow flow : PathFlows.install(leg.route(), leg.src(), leg.dst(), cookie, ingress.factory())) {
                if (flow.dpid().equals(ingress.id())) {
                    atIngress.add(flow);
                    continue;
                }
                Switch sw = elsewhere.computeIfAbsent(flow.dpid(), dpid -> context.switchById(dpid).orElse(null));
                if (sw == null) {
                    legs.forEach(l -> installed.remove(l.src(), l.dst(), l.route()));
                    return;   // the switch left; the topology will drop its links in a moment
                }
                sw.send(flow.message());
            }
        }
        CompletableFuture<?>[] ready = elsewhere.values().stream().map(Switch::barrier).toArray(CompletableFuture[]::new);
        OFPort firstHop = legs.get(0).route().hops().get(0).out();
        CompletableFuture.allOf(ready).whenComplete((ok, failed) -> {
            if (failed != null) {
                LOG.debug("route {} not confirmed: {}", legs.get(0), failed.toString());
                return;
            }
            atIngress.forEach(f -> ingress.send(f.message()));
            in.forward(firstHop);
            for (InstalledRoutes.Entry leg : legs) {
                if (!topology.links().containsAll(leg.route().path().links())) {
                    withdraw(leg);   // a link went down while we installed
                }
            }
        });
    }

    @Override
    public void onLinkDown(Link link) {
        installed.removeUsing(link).forEach(this::withdraw);
    }

    @Override
    public void onHostMoved(HostInfo before, HostInfo after) {
        installed.removeHost(after.mac()).forEach(this::withdraw);
    }

    @Override
    public void onHostRemoved(HostInfo host) {
        installed.removeHost(host.mac()).forEach(this::withdraw);
    }

    /** Deletes a route's entries on every switch it crosses; the pair's next packet finds a new route. */
    private void withdraw(InstalledRoutes.Entry e) {
        installed.remove(e.src(), e.dst(), e.route());
        for (PathFlows.SwitchFlow f : PathFlows.remove(e.route(), e.src(), e.dst(), cookie, FACTORY)) {
            context.switchById(f.dpid()).ifPresent(sw -> sw.send(f.message()));
        }
    }
}
