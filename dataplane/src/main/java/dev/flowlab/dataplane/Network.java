package dev.flowlab.dataplane;

import dev.flowlab.topologies.Host;
import dev.flowlab.topologies.Switch;
import dev.flowlab.topologies.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * A {@link Topology} built on this machine: a network namespace per host, a veth pair per link, an Open
 * vSwitch bridge per switch. Start one with {@link #start}; {@link #close()} removes all of it, as does
 * a JVM shutdown (SIGINT/SIGTERM) or, after a crash, {@link Cleanup}.
 *
 * <pre>{@code
 * try (Network net = Network.start(topology, NetworkOptions.defaults())) {
 *     net.host("h1").exec("ping", "-c1", net.host("h2").ip());
 *     System.out.println(net.pingAll());
 * }
 * }</pre>
 */
public final class Network implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Network.class);
    /** How long a ping of {@link #pingAll()} waits for its reply, as Mininet's {@code ping -W1}. */
    public static final Duration DEFAULT_PING_WAIT = Duration.ofSeconds(1);
    private static final Duration CONNECTION_POLL = Duration.ofMillis(100);

    private final Topology topology;
    private final NetworkOptions options;
    private final Datapath datapath;
    private final Build build;
    private final Map<String, NamespaceHost> hosts = new LinkedHashMap<>();
    private final Map<String, OvsBridge> bridges = new LinkedHashMap<>();
    private final List<VethLink> links = new ArrayList<>();
    private final List<LinkCapture> captures = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Thread shutdownHook = new Thread(this::onShutdown, "flowlab-network-teardown");
    private boolean stopped;

    private Network(Plan plan, NetworkOptions options, Datapath datapath, String runId, Consumer<String> afterStep) {
        this.topology = plan.topology();
        this.options = options;
        this.datapath = datapath;
        this.build = new Build(plan, options, datapath, runId, afterStep);
        for (Host h : topology.hosts()) {
            List<String> ifs = plan.interfacesOf(h.name()).stream().map(Plan.End::ifname).toList();
            Path uts = topology.identity().isPresent() ? HostIdentity.utsFile(h.name()) : null;
            hosts.put(h.name(), new NamespaceHost(h, ifs, build.state().workDir(), options.timeout(), uts));
        }
        for (Switch s : topology.switches()) {
            List<String> ports = new ArrayList<>();
            plan.veths().forEach(v -> List.of(v.a(), v.b()).stream()
                    .filter(e -> e.node().equals(s.name())).forEach(e -> ports.add(e.ifname())));
            topology.taps().stream().filter(p -> p.switchName().equals(s.name())).forEach(p -> ports.add(p.interfaceName()));
            topology.tunnels().stream().filter(p -> p.switchName().equals(s.name())).forEach(p -> ports.add(p.interfaceName()));
            bridges.put(s.name(), new OvsBridge(s, ports, options.controllers(), options.protocols(), this::portLinkUp));
        }
        plan.veths().forEach(v -> links.add(new VethLink(v)));
    }

    /**
     * Builds {@code topology} and returns once every host is configured and every bridge has its ports.
     * Checks first (root, tools, Open vSwitch running, names free, netem where asked for) and builds
     * nothing when a check fails; a failure part-way removes what was made. Either way the exception's
     * message is one line naming the problem.
     */
    public static Network start(Topology topology, NetworkOptions options) {
        return start(topology, options, step -> { });
    }

    /** As {@link #start(Topology, NetworkOptions)}, calling {@code afterStep} after each build step (tests inject failures). */
    static Network start(Topology topology, NetworkOptions options, Consumer<String> afterStep) {
        Topology t = options.namePrefix().isEmpty() ? topology : topology.withPrefix(options.namePrefix());
        long t0 = System.nanoTime();
        Plan plan = new Plan(t);
        Preflight.requireRoot();
        // Loading JNA's native part takes a tenth of a second or more: meanwhile ovs-vsctl answers.
        CompletableFuture<Void> nativeAccess = CompletableFuture.runAsync(Preflight::requireNativeAccess);
        Set<String> ovsInterfaces = Preflight.requireOvsRunning();
        try {
            nativeAccess.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        Datapath datapath = Preflight.resolveDatapath(options.datapath());
        OptionalFeatures.check(t);   // VLANs, NAT, TAPs, tunnels, identity: kernel features and free names
        if (LinkShaping.anyShaped(plan)) {
            Tools.require("tc");
        }
        if (LinkShaping.needsNetem(plan)) {
            Preflight.requireNetem();
        }
        NameClash.check(plan, ovsInterfaces);
        log.debug("pre-flight checks took {} ms", (System.nanoTime() - t0) / 1_000_000);
        String runId = options.runId() != null ? options.runId() : UUID.randomUUID().toString().substring(0, 8);
        log.info("run {}: building {} with the {} datapath{}", runId, t, datapath.ovsName(),
                datapath == Datapath.NETDEV ? " (no openvswitch kernel module: userspace, TX checksum offload off)" : "");
        if (datapath == Datapath.NETDEV && !t.qos().isEmpty()) {
            log.warn("run {}: queues on {}: the userspace datapath holds only queue 0's rates, for all traffic leaving "
                    + "the port, and set_queue selects nothing (README: Queues on a switch port)", runId,
                    String.join(", ", PortQueues.ports(t)));
        }
        Network net = new Network(plan, options, datapath, runId, afterStep);
        Runtime.getRuntime().addShutdownHook(net.shutdownHook);
        try {
            t0 = System.nanoTime();
            net.build.run();
            log.debug("run {}: built in {} ms", runId, (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            removeHook(net.shutdownHook);
            throw e;
        }
        return net;
    }

    /** The topology as built (node names include the name prefix, if one was given). */
    public Topology topology() {
        return topology;
    }

    /** The short id recorded with everything this network made. */
    public String runId() {
        return build.state().runId();
    }

    /** The OVS datapath in use: {@code system} (kernel) or {@code netdev} (userspace). */
    public String datapathType() {
        return datapath.ovsName();
    }

    /** The options it was built with. */
    public NetworkOptions options() {
        return options;
    }

    /** Every host, in topology order. */
    public List<NamespaceHost> hosts() {
        return List.copyOf(hosts.values());
    }

    /** A host by name; without the name prefix works too ({@code h1} finds {@code dph1}). */
    public NamespaceHost host(String name) {
        return find(hosts, name).orElseThrow(() -> new IllegalArgumentException("no host " + name + " in " + topology));
    }

    /** Every switch, in topology order. */
    public List<OvsBridge> switches() {
        return List.copyOf(bridges.values());
    }

    /** A switch by name; without the name prefix works too. */
    public OvsBridge bridge(String name) {
        return find(bridges, name).orElseThrow(() -> new IllegalArgumentException("no switch " + name + " in " + topology));
    }

    /** Every link, in topology order. */
    public List<VethLink> links() {
        return List.copyOf(links);
    }

    /** The link between two nodes (either order; names with or without prefix). */
    public VethLink link(String a, String b) {
        String pa = resolve(a);
        String pb = resolve(b);
        return links.stream().filter(l -> l.link().joins(pa, pb)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no link between " + a + " and " + b));
    }

    /**
     * Starts a pcapng capture of the link between two nodes into {@code dir}, in a file named after the
     * link ({@code s1-s2.pcapng}); it runs until {@link LinkCapture#stop()} or teardown.
     */
    public LinkCapture capture(String a, String b, Path dir) {
        return capture(link(a, b), dir);
    }

    /** Captures every link of a host ({@code capture h1}): one file per link. */
    public List<LinkCapture> captureHost(String host, Path dir) {
        String name = host(host).name();
        return links.stream().filter(l -> l.nodeA().equals(name) || l.nodeB().equals(name)).map(l -> capture(l, dir)).toList();
    }

    /** Captures every link of the network: one file per link. */
    public List<LinkCapture> captureAll(Path dir) {
        return links.stream().map(l -> capture(l, dir)).toList();
    }

    /** The captures started and not yet stopped. */
    public List<LinkCapture> captures() {
        return captures.stream().filter(LinkCapture::isAlive).toList();
    }

    private synchronized LinkCapture capture(VethLink link, Path dir) {
        if (stopped) {
            throw new IllegalStateException("network " + runId() + " is stopped");
        }
        String name = LinkCapture.fileName(unprefixed(link.nodeA()), unprefixed(link.nodeB()));
        if (captures().stream().anyMatch(c -> c.name().equals(name))) {
            throw new IllegalArgumentException("link " + name + " is being captured already");
        }
        // The switch's end, in the root namespace, where there is one; a host-to-host link from its A end.
        Plan.End end = !link.veth().a().inRoot() && link.veth().b().inRoot() ? link.veth().b() : link.veth().a();
        LinkCapture c = LinkCapture.start(name, end.namespace(), end.ifname(), dir.resolve(name + ".pcapng"));
        captures.add(c);
        return c;
    }

    private String unprefixed(String node) {
        String p = options.namePrefix();
        return !p.isEmpty() && node.startsWith(p) ? node.substring(p.length()) : node;
    }

    /**
     * Pings every host from every other (one ping per ordered pair, a few sources at a time), like
     * Mininet's pingall, each ping waiting {@link #DEFAULT_PING_WAIT} for its reply.
     */
    public PingResult pingAll() {
        return pingAll(DEFAULT_PING_WAIT);
    }

    /**
     * As {@link #pingAll()}, each ping waiting up to {@code wait}: a reactive controller's first flow
     * set-up for a pair (ARP, packet-ins, flow-mods) can take longer than a second on a busy machine.
     */
    public PingResult pingAll(Duration wait) {
        return pingAll(wait, done -> { });
    }

    /** As {@link #pingAll(Duration)}; {@code sourcesDone} hears how many source hosts have finished. */
    public PingResult pingAll(Duration wait, IntConsumer sourcesDone) {
        return Pinger.ping(hosts(), wait, sourcesDone);
    }

    /** Two hosts ping each other once (both directions), each ping waiting up to {@code wait}. */
    public PingResult pingPair(String a, String b, Duration wait) {
        NamespaceHost ha = host(a);
        NamespaceHost hb = host(b);
        if (ha == hb) {
            throw new IllegalArgumentException("pinging a pair needs two different hosts, not " + a + " twice");
        }
        return Pinger.ping(List.of(ha, hb), wait, done -> { });
    }

    /** TCP throughput from {@code client} to {@code server} with iperf3, for {@code time}. */
    public IperfResult iperfTcp(String client, String server, Duration time) {
        return Iperf.measure(host(client), host(server), Iperf.Protocol.TCP, time, 0);
    }

    /** UDP from {@code client} to {@code server} at {@code bitsPerSecond} with iperf3: rate received, loss, jitter. */
    public IperfResult iperfUdp(String client, String server, Duration time, long bitsPerSecond) {
        return Iperf.measure(host(client), host(server), Iperf.Protocol.UDP, time, bitsPerSecond);
    }

    /** Sets probe interval and backoff on every controller of every switch, in one ovs-vsctl transaction. */
    public void tuneControllers(ControllerTuning tuning) {
        List<String> args = new ArrayList<>();
        OvsControl.controllerRecords(List.copyOf(bridges.keySet())).byBridge().values()
                .forEach(records -> records.forEach(r -> args.addAll(tuning.ovsArgs(r))));
        if (!args.isEmpty()) {
            OvsControl.vsctl(args.toArray(String[]::new));
        }
    }

    /**
     * Whether each switch (by name) has a controller and OVS reports it connected ({@code is_connected}),
     * read in one ovs-vsctl call for all switches.
     */
    public Map<String, Boolean> controllerConnections() {
        return OvsControl.connected(List.copyOf(bridges.keySet()));
    }

    /**
     * Waits until OVS reports every switch connected to its controller: how a network given an external
     * controller knows it is ready. OVS sets {@code is_connected} only seconds after the TCP connection,
     * so with flowlab's own controller ask the controller instead. One ovs-vsctl call per poll.
     *
     * @param waiting hears the switches still waiting, after each poll that found some
     * @throws DataplaneException naming the switches still waiting when {@code timeout} passes
     */
    public void awaitControllerConnections(Duration timeout, Consumer<List<String>> waiting) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<String> missing = controllerConnections().entrySet().stream().filter(e -> !e.getValue())
                    .map(Map.Entry::getKey).toList();
            if (missing.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new DataplaneException(missing.size() + " of " + bridges.size() + " switches not connected to "
                        + String.join(",", options.controllers()) + " after " + timeout.toSeconds() + " s (" 
                        + String.join(" ", missing.subList(0, Math.min(5, missing.size())))
                        + "): is the controller running and listening there?");
            }
            waiting.accept(missing);
            try {
                Thread.sleep(CONNECTION_POLL.toMillis());   // polling a condition OVS offers no event for
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DataplaneException("interrupted while waiting for switches to connect");
            }
        }
    }

    /**
     * Tears everything down: background processes, bridges, veths, namespaces, in that order, going on
     * past failures. Idempotent. Throws a {@link DataplaneException} listing every failure afterwards
     * (what failed stays recorded, for {@code flowlab clean}).
     */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        removeHook(shutdownHook);
        CleanupReport report = teardown();
        if (!report.ok()) {
            throw new DataplaneException("teardown of run " + runId() + " incomplete: " + String.join("; ", report.errors()));
        }
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    private CleanupReport teardown() {
        stopCaptures();
        hosts.values().forEach(NamespaceHost::stopProcesses);
        long t0 = System.nanoTime();
        CleanupReport report = Teardown.run(build.state(), options.timeout());
        log.info("run {}: torn down in {} ms ({} things removed{})", runId(), (System.nanoTime() - t0) / 1_000_000,
                report.removed().size(), report.ok() ? "" : ", errors: " + report.errors());
        return report;
    }

    /** dumpcap must close its files before the interfaces it records on disappear. */
    private void stopCaptures() {
        captures.forEach(LinkCapture::stop);
        captures.clear();
    }

    private void onShutdown() {
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
        }
        stopCaptures();
        hosts.values().forEach(NamespaceHost::stopProcesses);
        CleanupReport r = build.abort();
        if (!r.ok()) {
            log.error("run {}: teardown at shutdown incomplete: {}", runId(), r.errors());
        }
    }

    /** A switch port's link is up unless the user took it down (ports without a veth: TAPs, tunnels). */
    private boolean portLinkUp(String iface) {
        return links.stream().filter(l -> l.interfaceA().equals(iface) || l.interfaceB().equals(iface))
                .allMatch(VethLink::isUp);
    }

    private String resolve(String name) {
        return topology.node(name).isPresent() ? name : options.namePrefix() + name;
    }

    private <T> Optional<T> find(Map<String, T> map, String name) {
        T t = map.get(name);
        return t != null ? Optional.of(t) : Optional.ofNullable(map.get(options.namePrefix() + name));
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is running or has run
        }
    }

    @Override
    public String toString() {
        return "Network[run " + runId() + ", " + topology + ", datapath " + datapathType() + "]";
    }
}
