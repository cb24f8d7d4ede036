package dev.flowlab.apps.router;

import com.google.inject.Inject;
import dev.flowlab.apps.router.Decision.AnswerArp;
import dev.flowlab.apps.router.Decision.Drop;
import dev.flowlab.apps.router.Decision.Forward;
import dev.flowlab.apps.router.Decision.Resolve;
import dev.flowlab.apps.router.HeldPackets.Held;
import dev.flowlab.apps.router.Neighbours.Neighbour;
import dev.flowlab.apps.router.RoutingTable.NextHop;
import dev.flowlab.controller.api.App;
import dev.flowlab.controller.api.AppContext;
import dev.flowlab.controller.api.Documents;
import dev.flowlab.controller.api.Arp;
import dev.flowlab.controller.api.Ethernet;
import dev.flowlab.controller.api.Flows;
import dev.flowlab.controller.api.Link;
import dev.flowlab.controller.api.PacketIn;
import dev.flowlab.controller.api.Ports;
import dev.flowlab.controller.api.Reconcile;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.api.SwitchPort;
import dev.flowlab.controller.api.TopologyListener;
import dev.flowlab.controller.api.TopologyService;
import dev.flowlab.controller.api.Verdict;
import dev.flowlab.controller.api.VlanRole;
import dev.flowlab.controller.api.VlanTag;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.action.OFAction;
import org.projectfloodlight.openflow.types.IPv4Address;
import org.projectfloodlight.openflow.types.MacAddress;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.U64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An IPv4 router spread over every switch: hosts in different subnets reach each other through
 * gateway addresses the controller answers for (ARP and ping) with one virtual MAC. A routed packet
 * gets its MACs rewritten and its TTL decremented by an entry on the switch where it enters; inside
 * a subnet, and after the rewrite, the switching app behind it ({@code routing} or
 * {@code learning-switch}) carries the packet. Needs a config file ({@link RouterConfig}).
 *
 * <p>REST: {@code GET /api/router/neighbours} (its ARP table), {@code GET /api/router/config},
 * {@code PUT /api/router/config} (a new config, as in the file: replaces it at once on every switch).
 * The config lives in the controller's configuration store (a cluster replicates it): the file seeds
 * it on the first start; a later start takes what the store holds.
 */
public final class Router implements App, TopologyListener {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    private final TopologyService topology;
    private final Neighbours neighbours = new Neighbours();
    private final HeldPackets held = new HeldPackets();
    private AppContext context;
    /** The config in force; replaced whole when the store reports a new one (a packet in flight uses either). */
    private volatile Setup setup;
    private Documents<RouterConfig> stored;
    private U64 cookie;

    /** A config and what is derived from it. */
    private record Setup(RouterConfig config, RoutingTable table, MacAddress routerMac) {
        Setup(RouterConfig config) {
            this(config, new RoutingTable(config), config.routerMac());
        }
    }

    /** The one document of the router's "config" collection: the file's config is seeded as number 1. */
    private static final String CURRENT = "1";

    @Inject
    public Router(TopologyService topology) {
        this.topology = topology;
    }

    /** After the acl (10), before the switching apps (100): it must see gateway traffic first. */
    @Override
    public int order() {
        return 20;
    }

    @Override
    public void start(AppContext ctx) {
        this.context = ctx;
        this.cookie = ctx.cookie();
        RouterConfig file = ctx.config(RouterConfig.class).orElseThrow(() -> new IllegalArgumentException(
                "the router app needs a config file with its subnets: --app-config router=FILE"
                        + " (subnets: [{gateway: 10.0.1.1/24}, ...])"));
        this.setup = new Setup(file);
        stored = ctx.documents("config", RouterConfig.class);
        stored.listen((name, changed) -> {   // what the store holds (a cluster's), then every change
            if (CURRENT.equals(name) && changed != null) {
                use(changed);
            }
        });
        stored.seed(List.of(file)).whenComplete((seeded, e) -> {
            if (e != null) {
                LOG.warn("router: the config file could not be stored: {}", e.toString());
            }
        });
        topology.addListener(this);
        ctx.rest().get("/neighbours", r -> neighbours.all().values().stream()
                .sorted(java.util.Comparator.comparing(Neighbour::ip))
                .map(n -> java.util.Map.of("ip", n.ip().toString(), "mac", n.mac().toString(),
                        "dpid", n.location().dpid().toString(), "port", n.location().port().getPortNumber()))
                .toList());
        ctx.rest().get("/config", r -> setup.config());
        ctx.rest().put("/config", r -> {
            RouterConfig next = r.body(RouterConfig.class);
            return stored.put(CURRENT, next).thenApply(v -> setup.config());
        });
        RouterConfig config = setup.config();
        LOG.info("router: gateways {} at {}, {} static routes", config.subnets().stream().map(Subnet::gateway).toList(),
                config.routerMac(), config.routes().size());
    }

    /**
     * A config from the store: in force from now on. Routed entries may follow old routes, so they go;
     * every switch this controller writes to gets the new traps (and loses the old ones).
     */
    private void use(RouterConfig config) {
        Setup before = setup;
        if (before != null && before.config().equals(config)) {
            return;
        }
        setup = new Setup(config);
        if (before != null) {
            LOG.info("router: new config: gateways {} at {}, {} static routes",
                    config.subnets().stream().map(Subnet::gateway).toList(), config.routerMac(), config.routes().size());
            withdrawRoutes();
            context.switches().forEach(this::reconcileTraps);
        }
    }

    /** The config in force. */
    RouterConfig currentConfig() {
        return setup.config();
    }

    @Override
    public void stop() {
        topology.removeListener(this);
    }

    /**
     * The traps, reconciled rather than wiped; routed entries stay, so routed traffic that runs through
     * them keeps flowing when a new master takes over. They go idle within {@code ROUTE_IDLE_TIMEOUT}
     * when unused, and a host that moves or a link that goes down withdraws them.
     */
    @Override
    public void onSwitchUp(Switch sw) {
        reconcileTraps(sw);
    }

    private void reconcileTraps(Switch sw) {
        Reconcile.entries(sw, cookie, U64.NO_MASK, () -> RouterFlows.traps(sw.factory(), cookie, setup.config()))
                .whenComplete((stale, e) -> {
                    if (e != null) {
                        LOG.warn("dpid={} app=router could not read the flow table to remove stale traps: {}", sw.id(), e.toString());
                    }
                });
    }

    @Override
    public Verdict onPacketIn(PacketIn in) {
        Ethernet frame = in.ethernet();
        learn(frame, new SwitchPort(in.sw().id(), in.inPort()));
        Setup now = setup;
        Decision decision = Decision.of(frame, now.routerMac(), now.table(), neighbours);
        if (decision instanceof Decision.NotForRouter) {
            return Verdict.CONTINUE;
        } else if (decision instanceof AnswerArp a) {
            reply(in, RouterFrames.arpReply(setup.routerMac(), a.gateway().address(), a.request().senderMac(), a.request().senderIp()));
        } else if (decision instanceof Decision.AnswerEcho) {
            byte[] reply = RouterFrames.echoReply(VlanTag.untagged(frame.bytes()), setup.routerMac());
            if (reply != null) {
                reply(in, reply);
            }
        } else if (decision instanceof Drop d) {
            LOG.debug("dpid={} port={} app=router dropped: {}", in.sw().id(), in.inPort(), d.reason());
        } else if (decision instanceof Forward f) {
            forward(in.sw(), in.inPort(), frame, f.next(), in);
        } else if (decision instanceof Resolve r) {
            resolve(r.hop(), new Held(in.sw(), in.inPort(), frame.bytes(), System.nanoTime()));
        }
        return Verdict.HANDLED;
    }

    /**
     * What a host sends the router tells where it is: ARP (either way) and IPv4 to the router's
     * MAC, from an address in one of its subnets. The trap entries deliver these at the host's own
     * switch, so the port is where the host attaches.
     */
    private void learn(Ethernet frame, SwitchPort at) {
        IPv4Address ip = frame.arp().filter(a -> setup.table().gateway(a.targetIp()).isPresent() || frame.destination().equals(setup.routerMac()))
                .map(Arp::senderIp)
                .orElseGet(() -> frame.destination().equals(setup.routerMac()) ? frame.ipv4().map(i -> i.source()).orElse(null) : null);
        if (ip == null || setup.table().subnetOf(ip).isEmpty() || setup.table().gateway(ip).isPresent()) {
            return;
        }
        Optional<Neighbour> before = neighbours.get(ip);
        if (neighbours.learn(ip, frame.source(), at)) {
            if (before.isPresent()) {   // it moved or changed its MAC: entries toward the old place must go
                LOG.info("router: {} is now {} at {} (was {} at {})", ip, frame.source(), at, before.get().mac(),
                        before.get().location());
                withdrawRoutes();
            }
            held.release(ip, System.nanoTime()).forEach(h -> neighbours.get(ip)
                    .ifPresent(n -> forward(h.sw(), h.inPort(), Ethernet.of(h.frame()), n, null)));
        }
    }

    /** Installs the routed entry on the switch the packet entered and sends the packet on its way. */
    private void forward(Switch sw, OFPort inPort, Ethernet frame, Neighbour next, PacketIn in) {
        Optional<OFPort> out = portToward(sw, next.location());
        if (out.isEmpty()) {
            LOG.debug("dpid={} app=router: no path to {} at {}", sw.id(), next.ip(), next.location());
            return;
        }
        OFFactory of = sw.factory();
        IPv4Address dst = frame.ipv4().orElseThrow().destination();
        if (out.get().equals(inPort)) {   // back where it came from: no entry, OpenFlow needs IN_PORT for this
            packetOut(sw, inPort, frame, RouterFlows.hop(of, setup.routerMac(), next.mac(), vlanOf(next.ip()), OFPort.IN_PORT), in);
            return;
        }
        List<OFAction> hop = RouterFlows.hop(of, setup.routerMac(), next.mac(), vlanOf(next.ip()), out.get());
        deliverAlongPath(sw, next);
        sw.send(RouterFlows.route(of, cookie, setup.routerMac(), dst, hop));
        packetOut(sw, inPort, frame, hop, in);
    }

    /** Entries on every switch between this one and the next hop's, so routed packets stay in the switches. */
    private void deliverAlongPath(Switch from, Neighbour next) {
        SwitchPort target = next.location();
        if (target.dpid().equals(from.id())) {
            return;
        }
        topology.shortestPath(from.id(), target.dpid()).ifPresent(path -> {
            List<Link> links = path.links();
            for (int i = 0; i < links.size(); i++) {
                OFPort out = i + 1 < links.size() ? links.get(i + 1).srcPort() : target.port();
                context.switchById(links.get(i).dstDpid()).ifPresent(sw -> sw.send(
                        RouterFlows.deliver(sw.factory(), cookie, setup.routerMac(), next.mac(), out)));
            }
        });
    }

    private void packetOut(Switch sw, OFPort inPort, Ethernet frame, List<OFAction> actions, PacketIn in) {
        if (in != null) {
            in.packetOut(actions);   // releases the switch's buffer when it kept the packet
        } else {
            sw.sendPacketOut(Flows.packetOut(sw.factory(), inPort, actions, frame.bytes()), frame);
        }
    }

    private Optional<OFPort> portToward(Switch sw, SwitchPort target) {
        if (target.dpid().equals(sw.id())) {
            return Optional.of(target.port());
        }
        return topology.shortestPath(sw.id(), target.dpid()).filter(p -> p.hops() > 0).map(p -> p.links().get(0).srcPort());
    }

    /** Holds the packet and, at most once a second per address, asks every host port who has the next hop. */
    private void resolve(NextHop hop, Held packet) {
        boolean ask = held.hold(hop.ip(), packet);
        Optional<Neighbour> answered = neighbours.get(hop.ip());
        if (answered.isPresent()) {   // it answered on another switch's thread meanwhile
            held.release(hop.ip(), System.nanoTime())
                    .forEach(h -> forward(h.sw(), h.inPort(), Ethernet.of(h.frame()), answered.get(), null));
            return;
        }
        if (!ask) {
            return;
        }
        byte[] asked = RouterFrames.arpRequest(setup.routerMac(), hop.subnet().address(), hop.ip());
        byte[] request = hop.subnet().vlan() == null ? asked : VlanTag.tagged(asked, hop.subnet().vlan());
        for (Switch sw : context.switches()) {
            OFFactory of = sw.factory();
            List<OFAction> out = sw.ports().stream()
                    .filter(p -> Ports.isUp(p) && topology.isEdgePort(sw.id(), p.getPortNo()))
                    .map(p -> (OFAction) Flows.output(of, p.getPortNo()))
                    .toList();
            if (!out.isEmpty()) {
                sw.sendFrame(request, out);
            }
        }
    }

    /** Answers out of the port the question came in on, in the question's VLAN. */
    private void reply(PacketIn in, byte[] frame) {
        in.sw().sendFrame(in.ethernet().vlan().map(t -> VlanTag.tagged(frame, t.vid())).orElse(frame), in.inPort());
    }

    /** The VLAN of the subnet {@code ip} is in, when its subnet names one: a routed packet leaves in it. */
    private Integer vlanOf(IPv4Address ip) {
        return setup.table().subnetOf(ip).map(Subnet::vlan).orElse(null);
    }

    /** With VLAN roles on the ports, the router must know each subnet's VLAN, and routes 802.1Q VLANs only. */
    @Override
    public Optional<String> refuseVlans(Collection<VlanRole> roles) {
        if (roles.stream().anyMatch(r -> r.kind() == VlanRole.Kind.TUNNEL)) {
            return Optional.of("it routes between 802.1Q VLANs, and an 802.1ad (QinQ) tunnel port's service VLAN"
                    + " belongs to no subnet; run it on a network without qinq ports");
        }
        List<String> missing = setup.config().subnets().stream().filter(s -> s.vlan() == null).map(Subnet::gateway).toList();
        return missing.isEmpty() ? Optional.empty() : Optional.of("its subnets " + missing + " name no vlan; give each"
                + " the VLAN its hosts are in, like - {gateway: 10.0.10.254/24, vlan: 10}");
    }

    /** A link went down: routed entries may point into it. */
    @Override
    public void onLinkDown(Link link) {
        withdrawRoutes();
    }

    private void withdrawRoutes() {
        context.switches().forEach(sw -> sw.send(RouterFlows.removeRoutes(sw.factory(), cookie)));
    }
}
