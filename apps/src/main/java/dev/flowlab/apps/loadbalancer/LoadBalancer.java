package dev.flowlab.apps.loadbalancer;

import com.google.inject.Inject;
import dev.flowlab.apps.loadbalancer.ConnectionFlows.Connection;
import dev.flowlab.apps.loadbalancer.ConnectionFlows.Entry;
import dev.flowlab.apps.loadbalancer.ConnectionFlows.Hop;
import dev.flowlab.controller.api.AgeingTable;
import dev.flowlab.controller.api.App;
import dev.flowlab.controller.api.AppContext;
import dev.flowlab.controller.api.Arp;
import dev.flowlab.controller.api.Ethernet;
import dev.flowlab.controller.api.Flows;
import dev.flowlab.controller.api.HostInfo;
import dev.flowlab.controller.api.HostService;
import dev.flowlab.controller.api.Ipv4;
import dev.flowlab.controller.api.Link;
import dev.flowlab.controller.api.PacketIn;
import dev.flowlab.controller.api.Path;
import dev.flowlab.controller.api.SwitchPort;
import dev.flowlab.controller.api.TopologyService;
import dev.flowlab.controller.api.TransportPorts;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.protocol.action.OFAction;
import org.projectfloodlight.openflow.types.ArpOpcode;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.IPv4Address;
import org.projectfloodlight.openflow.types.IpProtocol;
import org.projectfloodlight.openflow.types.MacAddress;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.TransportPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP load balancer in the controller, like the classic SDN course lab: the controller answers ARP
 * for a virtual IP with a virtual MAC, and gives each new TCP connection to the virtual IP to the next
 * server of the pool in turn (round robin). The connection's entries ({@link ConnectionFlows}) rewrite
 * its packets to the server and the replies back to the virtual IP; they idle out after
 * {@code idle_timeout}, so a connection silent that long is forgotten. Everything else (ARP between
 * hosts, traffic that is not to the virtual IP) is left to the forwarding app behind it.
 *
 * <p>The paths follow the broadcast tree where it can ({@link TopologyService#broadcastTree()}), so
 * the connections take the same cables as {@code learning-switch} under {@code stp}. A server the
 * controller has not heard from yet is asked for with an ARP request from the virtual IP (each second,
 * and when a client asks for the virtual IP), and skipped until it answers.
 */
public final class LoadBalancer implements App {
    public static final String ID = "load-balancer";
    /** After acl and stp (10), before router (20) and every forwarding app. */
    static final int ORDER = 15;
    /** A cable off the broadcast tree costs this many tree cables: used only when the tree has no way. */
    private static final double OFF_TREE = 1000;
    private static final long PROBE_INTERVAL_NANOS = 1_000_000_000L;
    /** Connections remembered at once; past it the one idle longest is forgotten. */
    private static final int MAX_CONNECTIONS = 65_536;
    private static final Logger LOG = LoggerFactory.getLogger(LoadBalancer.class);

    private final TopologyService topology;
    private final HostService hosts;
    private final AtomicInteger next = new AtomicInteger();
    private final Map<IPv4Address, AtomicLong> connections = new LinkedHashMap<>();   // filled at start, then read-only
    private final Map<IPv4Address, Long> probed = new ConcurrentHashMap<>();
    /**
     * What the client's switch does to each connection given out, for as long as its entries live:
     * packets that reach the controller after the connection was given (Open vSwitch's datapath may
     * still send a few up while it takes in the new entries) go the same way, not to another server.
     */
    private AgeingTable<ClientEnd, List<OFAction>> given;
    private AppContext context;
    private LoadBalancerConfig config;
    private IPv4Address vip;
    private MacAddress vipMac;
    private List<IPv4Address> pool;

    @Inject
    public LoadBalancer(TopologyService topology, HostService hosts) {
        this.topology = topology;
        this.hosts = hosts;
    }

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public void start(AppContext ctx) {
        context = ctx;
        config = ctx.config(LoadBalancerConfig.class).orElseThrow(() -> new IllegalArgumentException(
                "the load-balancer app needs a config file with its virtual IP and servers: --app-config"
                        + " load-balancer=FILE (vip: 10.0.0.100, servers: [10.0.0.2, 10.0.0.3])"));
        vip = config.vipAddress();
        vipMac = config.vipMac();
        pool = config.serverAddresses();
        pool.forEach(s -> connections.put(s, new AtomicLong()));
        given = new AgeingTable<>("load-balancer connections", MAX_CONNECTIONS, Duration.ofSeconds(config.idleTimeout()),
                System::nanoTime);
        ctx.rest().get("/", request -> view());
        prepareConnectionEntries();
        // Servers found before the first client: a SYN that finds none known waits a whole TCP retransmission (1 s).
        ctx.executor().scheduleWithFixedDelay(() -> {
            try {
                probeUnknownServers();
            } catch (RuntimeException e) {   // logged, and the next round runs anyway (a throw would end the schedule)
                LOG.warn("load-balancer: asking for the servers failed: {}", e.toString(), e);
            }
        }, PROBE_INTERVAL_NANOS, PROBE_INTERVAL_NANOS, TimeUnit.NANOSECONDS);
    }

    @Override
    public Optional<String> refuseVlans(Collection<VlanRole> roles) {
        return Optional.of("its virtual IP lives on one flat network; run it on a network without vlan roles");
    }

    @Override
    public Verdict onPacketIn(PacketIn in) {
        Ethernet eth = in.ethernet();
        Optional<Arp> arp = eth.arp();
        if (arp.isPresent()) {
            if (arp.get().senderIp().equals(vip)) {
                return Verdict.HANDLED;   // our own question to a server, back in through another switch: not to be flooded
            }
            return arp.get().targetIp().equals(vip) ? answer(in, arp.get()) : answerServer(in, arp.get());
        }
        Optional<Ipv4> ip = eth.ipv4();
        if (ip.isEmpty() || !ip.get().destination().equals(vip)) {
            return Verdict.CONTINUE;
        }
        if (ip.get().protocol().equals(IpProtocol.TCP) && eth.destination().equals(vipMac)) {
            eth.tcp().ifPresent(ports -> connect(in, ip.get(), ports));
        }
        return Verdict.HANDLED;   // nothing but TCP is balanced, and nothing to the virtual IP goes on to a switching app
    }

    /** A request for the virtual IP is answered (and unknown servers asked for); a server's reply to our question only teaches the host tracker. */
    private Verdict answer(PacketIn in, Arp arp) {
        if (arp.opcode().equals(ArpOpcode.REQUEST) && !arp.senderIp().equals(vip)) {
            in.sw().sendFrame(new Arp(ArpOpcode.REPLY, vipMac, vip, arp.senderMac(), arp.senderIp()).frame(arp.senderMac()),
                    in.inPort());
            probeUnknownServers();
        }
        return Verdict.HANDLED;
    }

    /**
     * A server of the pool asking for a host the controller knows (the client of a connection it was just given:
     * it must answer the SYN) gets the answer from here, at once. Left to the forwarding app, the question is a
     * flood and the answer a packet-in at every switch both ways (beside learning-switch, a good part of the first
     * fetch's time), and when that outlasted TCP's 1 s SYN timer the client sent its SYN again. Any other question
     * goes on to the forwarding app.
     */
    private Verdict answerServer(PacketIn in, Arp arp) {
        if (!arp.opcode().equals(ArpOpcode.REQUEST) || !pool.contains(arp.senderIp())) {
            return Verdict.CONTINUE;
        }
        Optional<HostInfo> target = hosts.hostByIp(arp.targetIp());
        if (target.isEmpty()) {
            return Verdict.CONTINUE;
        }
        in.sw().sendFrame(new Arp(ArpOpcode.REPLY, target.get().mac(), arp.targetIp(), arp.senderMac(), arp.senderIp())
                .frame(arp.senderMac()), in.inPort());
        return Verdict.HANDLED;
    }

    /**
     * Builds (and drops) the OpenFlow 1.3 entries of a made-up connection, so the first real one does not pay for loading
     * their classes (openflowj's set-field actions and TCP match fields, which nothing else in the controller
     * uses): measured from the OpenFlow channel on a busy machine, the first client's SYN waited 413-447 ms
     * in the controller before its entries left, later ones 9-42 ms; with the server's ARP on top, the first
     * fetch came near TCP's 1 s SYN timer.
     */
    private void prepareConnectionEntries() {
        OFFactory of = OFFactories.getFactory(OFVersion.OF_13);
        Connection c = new Connection(IPv4Address.of("10.0.0.1"), TransportPort.of(1), vip, vipMac, TransportPort.of(1),
                pool.get(0), MacAddress.of(1));
        List<Hop> hops = List.of(new Hop(DatapathId.of(1), OFPort.of(1), OFPort.of(2)), new Hop(DatapathId.of(2), OFPort.of(1), OFPort.of(2)));
        ConnectionFlows.toServer(of, context.cookie(), config.idleTimeout(), c, hops);
        ConnectionFlows.toClient(of, context.cookie(), config.idleTimeout(), c, hops);
    }

    /** A connection as its client's packets show it: the client's address and port, and the virtual IP's port. */
    private record ClientEnd(IPv4Address client, TransportPort clientPort, TransportPort port) {
    }

    private void connect(PacketIn in, Ipv4 ip, TransportPorts ports) {
        ClientEnd key = new ClientEnd(ip.source(), ports.source(), ports.destination());
        List<OFAction> known = given.refresh(key);
        if (known != null) {
            in.packetOut(known);
            return;
        }
        Optional<HostInfo> server = nextKnownServer();
        if (server.isEmpty()) {
            probeUnknownServers();   // the client sends its SYN again in a second
            return;
        }
        HostInfo s = server.get();
        IPv4Address serverIp = pool.stream().filter(s.ips()::contains).findFirst().orElseThrow();
        SwitchPort client = new SwitchPort(in.sw().id(), in.inPort());
        Optional<Path> path = topology.shortestPath(client.dpid(), s.dpid(), treeFirst());
        if (path.isEmpty()) {
            LOG.warn("load-balancer: no path from {} to server {} at {}", client, serverIp, s.location());
            return;
        }
        Connection c = new Connection(ip.source(), ports.source(), vip, vipMac, ports.destination(), serverIp, s.mac());
        List<Hop> hops = ConnectionFlows.hops(client, path.get(), s.location());
        List<Entry> toServer = ConnectionFlows.toServer(in.sw().factory(), context.cookie(), config.idleTimeout(), c, hops);
        List<Entry> rest = new ArrayList<>(ConnectionFlows.toClient(in.sw().factory(), context.cookie(), config.idleTimeout(), c, hops));
        rest.addAll(toServer.subList(1, toServer.size()));
        connections.get(serverIp).incrementAndGet();
        LOG.info("load-balancer: {}:{} -> {}:{} given to {}", c.client(), c.clientPort(), vip, c.port(), serverIp);
        List<OFAction> first = ConnectionFlows.rewriteToServer(in.sw().factory(), c, hops.get(0).out());
        given.put(key, first);
        // The first packet leaves only once every other switch has its entries, so neither it nor the reply overtakes them.
        CompletableFuture.allOf(rest.stream().map(this::install).toArray(CompletableFuture[]::new))
                .whenComplete((ok, failed) -> {
                    in.sw().send(toServer.get(0).flow());
                    in.packetOut(first);
                });
    }

    private CompletableFuture<Void> install(Entry e) {
        return context.switchById(e.dpid()).map(sw -> sw.sendConfirmed(e.flow()))
                .orElse(CompletableFuture.completedFuture(null));
    }

    /** The next server in turn that the controller knows where to find. */
    private Optional<HostInfo> nextKnownServer() {
        for (int tries = 0; tries < pool.size(); tries++) {
            IPv4Address candidate = pool.get(Math.floorMod(next.getAndIncrement(), pool.size()));
            Optional<HostInfo> host = hosts.hostByIp(candidate);
            if (host.isPresent()) {
                return host;
            }
        }
        return Optional.empty();
    }

    /** "Who has server? Tell the virtual IP", out of every edge port, at most once a second per server. */
    private void probeUnknownServers() {
        long now = System.nanoTime();
        List<IPv4Address> due = pool.stream().filter(s -> hosts.hostByIp(s).isEmpty())
                .filter(s -> now - probed.getOrDefault(s, now - PROBE_INTERVAL_NANOS) >= PROBE_INTERVAL_NANOS).toList();
        if (due.isEmpty()) {
            return;
        }
        Map<DatapathId, List<OFPort>> edges = topology.edgePorts().stream().collect(
                Collectors.groupingBy(SwitchPort::dpid, Collectors.mapping(SwitchPort::port, Collectors.toList())));
        for (IPv4Address server : due) {
            probed.put(server, now);
            byte[] frame = new Arp(ArpOpcode.REQUEST, vipMac, vip, MacAddress.NONE, server).frame(MacAddress.BROADCAST);
            edges.forEach((dpid, ports) -> context.switchById(dpid).ifPresent(sw ->
                    sw.sendFrame(frame, ports.stream().map(p -> Flows.output(sw.factory(), p)).toList())));
        }
    }

    /** Hop count along the broadcast tree; a cable off it only when the tree has no way. */
    private ToDoubleFunction<Link> treeFirst() {
        Set<Link> tree = topology.broadcastTree();
        return link -> tree.contains(link) ? 1 : OFF_TREE;
    }

    /** What {@code GET /api/load-balancer} shows. */
    public record View(String vip, String mac, int idleTimeout, List<ServerView> servers) {
    }

    /** One server of the pool: where it is (null while unknown) and the connections it was given. */
    public record ServerView(String ip, String mac, String location, long connections) {
    }

    View view() {
        List<ServerView> servers = new ArrayList<>();
        connections.forEach((ip, count) -> {
            Optional<HostInfo> h = hosts.hostByIp(ip);
            servers.add(new ServerView(ip.toString(), h.map(x -> x.mac().toString()).orElse(null),
                    h.map(x -> x.location().toString()).orElse(null), count.get()));
        });
        return new View(vip.toString(), vipMac.toString(), config.idleTimeout(), servers);
    }
}
