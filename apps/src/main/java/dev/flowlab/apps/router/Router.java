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
import dev.flowlab.controller.api.Arp;
import dev.flowlab.controller.api.Ethernet;
import dev.flowlab.controller.api.Flows;
import dev.flowlab.controller.api.Link;
import dev.flowlab.controller.api.PacketIn;
import dev.flowlab.controller.api.Ports;
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
 * <p>REST: {@code GET /api/router/neighbours} (its ARP table), {@code GET /api/router/config}.
 */
public final class Router implements App, TopologyListener {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    private final TopologyService topology;
    private final Neighbours neighbours = new Neighbours();
    private final HeldPackets held = new HeldPackets();
    private AppContext context;
    private RouterConfig config;
    private RoutingTable table;
    private MacAddress routerMac;
    private U64 cookie;

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
        this.config = ctx.config(RouterConfig.class).orElseThrow(() -> new IllegalArgumentException(
                "the router app needs a config file with its subnets: --app-config router=FILE"
                        + " (subnets: [{gateway: 10.0.1.1/24}, ...])"));
        this.table = new RoutingTable(config);
        this.routerMac = config.routerMac();
        topology.addListener(this);
        ctx.rest().get("/neighbours", r -> neighbours.all().values().stream()
                .sorted(java.util.Comparator.comparing(Neighbour::ip))
                .map(n -> java.util.Map.of("ip", n.ip().toString(), "mac", n.mac().toString(),
                        "dpid", n.location().dpid().toString(), "port", n.location().port().getPortNumber()))
                .toList());
        ctx.rest().get("/config", r -> config);
        LOG.info("router: gateways {} at {}, {} static routes", config.subnets().stream().map(Subnet::gateway).toList(),
                routerMac, config.routes().size());
    }

    @Override
    public void stop() {
        topology.removeListener(this);
    }

    @Override
    public void onSwitchUp(Switch sw) {
        sw.send(RouterFlows.removeAll(sw.factory(), cookie));
        RouterFlows.traps(sw.factory(), cookie, config).forEach(sw::send);
    }

    @Override
    public Verdict onPacketIn(PacketIn in) {
        Ethernet frame = in.ethernet();
        learn(frame, new SwitchPort(in.sw().id(), in.inPort()));
        Decision decision = Decision.of(frame, routerMac, table, neighbours);
        if (decision instanceof Decision.NotForRouter) {
            return Verdict.CONTINUE;
        } else if (decision instanceof AnswerArp a) {
            reply(in, RouterFrames.arpReply(routerMac, a.gateway().address(), a.request().senderMac(), a.request().senderIp()));
        } else if (decision instanceof Decision.AnswerEcho) {
            byte[] reply = RouterFrames.echoReply(VlanTag.untagged(frame.bytes()), routerMac);
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
        IPv4Address ip = frame.arp().filter(a -> table.gateway(a.targetIp()).isPresent() || frame.destination().equals(routerMac))
                .map(Arp::senderIp)
                .orElseGet(() -> frame.destination().equals(routerMac) ? frame.ipv4().map(i -> i.source()).orElse(null) : null);
        if (ip == null || table.subnetOf(ip).isEmpty() || table.gateway(ip).isPresent()) {
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
            packetOut(sw, inPort, frame, RouterFlows.hop(of, routerMac, next.mac(), vlanOf(next.ip()), OFPort.IN_PORT), in);
            return;
        }
        List<OFAction> hop = RouterFlows.hop(of, routerMac, next.mac(), vlanOf(next.ip()), out.get());
        deliverAlongPath(sw, next);
        sw.send(RouterFlows.route(of, cookie, routerMac, dst, hop));
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
                        RouterFlows.deliver(sw.factory(), cookie, routerMac, next.mac(), out)));
            }
        });
    }

    private void packetOut(Switch sw, OFPort inPort, Ethernet frame, List<OFAction> actions, PacketIn in) {
        if (in != null) {
            in.packetOut(actions);   // releases the switch's buffer when it kept the packet
        } else {
            sw.send(Flows.packetOut(sw.factory(), inPort, actions, frame.bytes()));
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
        byte[] asked = RouterFrames.arpRequest(routerMac, hop.subnet().address(), hop.ip());
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
        return table.subnetOf(ip).map(Subnet::vlan).orElse(null);
    }

    /** With VLAN roles on the ports, the router must know each subnet's VLAN, and routes 802.1Q VLANs only. */
    @Override
    public Optional<String> refuseVlans(Collection<VlanRole> roles) {
        if (roles.stream().anyMatch(r -> r.kind() == VlanRole.Kind.TUNNEL)) {
            return Optional.of("it routes between 802.1Q VLANs, and an 802.1ad (QinQ) tunnel port's service VLAN"
                    + " belongs to no subnet; run it on a network without qinq ports");
        }
        List<String> missing = config.subnets().stream().filter(s -> s.vlan() == null).map(Subnet::gateway).toList();
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
