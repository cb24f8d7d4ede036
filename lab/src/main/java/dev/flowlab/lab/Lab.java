package dev.flowlab.lab;

import dev.flowlab.controller.Controller;
import dev.flowlab.controller.ControllerConfig;
import dev.flowlab.controller.ExpectedNetwork;
import dev.flowlab.controller.NotReadyException;
import dev.flowlab.controller.api.Flows;
import dev.flowlab.controller.api.Link;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.dataplane.FailMode;
import dev.flowlab.dataplane.LinkCapture;
import dev.flowlab.dataplane.Network;
import dev.flowlab.dataplane.NetworkOptions;
import dev.flowlab.dataplane.OpenFlowVersion;
import dev.flowlab.dataplane.OwnedProcesses;
import dev.flowlab.lab.traffic.FlowText;
import dev.flowlab.lab.traffic.LabHost;
import dev.flowlab.topologies.Topology;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.concurrent.TimeUnit;
import org.projectfloodlight.openflow.protocol.OFFlowStatsEntry;
import org.projectfloodlight.openflow.protocol.OFFlowStatsReply;
import org.projectfloodlight.openflow.types.DatapathId;

/**
 * A running experiment: the embedded controller (when chosen) and the network, started in that
 * order and torn down in reverse. {@link #close()} is idempotent and also runs from a shutdown hook,
 * so Ctrl-C or SIGTERM at any point leaves nothing behind.
 */
public final class Lab implements AutoCloseable {
    /** How long switches get to finish their handshake with the controller. */
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SETTLE_POLL = Duration.ofMillis(50);

    private final LabSpec spec;
    private final Progress progress;
    private final Path captureDir;
    private final Thread shutdownHook = new Thread(this::close, "flowlab-teardown");
    private volatile Controller controller;
    private volatile ControllerProcesses processes;
    private volatile OwnedProcesses owned;   // the record of the controller processes, made before the first starts
    private volatile Network network;
    private volatile OvsTlsSession tls;
    private boolean closed;

    private Lab(LabSpec spec, Progress progress) {
        this.spec = spec;
        this.progress = progress;
        this.captureDir = spec.captureDir() != null ? spec.captureDir().toAbsolutePath() : newCaptureDir();
    }

    /** Starts controller and network and waits until every switch is connected; rolls back on failure. */
    public static Lab start(LabSpec spec, Progress progress) {
        spec.refuseUnrunnable();   // before anything is started or built
        Lab lab = new Lab(spec, progress);
        Runtime.getRuntime().addShutdownHook(lab.shutdownHook);
        try {
            lab.startController();
            lab.startNetwork();
            lab.awaitSwitches();
            return lab;
        } catch (RuntimeException | Error e) {
            lab.close();
            throw e;
        }
    }

    private void startController() {
        if (spec.controller().kind() == ControllerChoice.Kind.PROCESSES) {
            startProcesses();
            return;
        }
        if (spec.controller().kind() != ControllerChoice.Kind.EMBEDDED) {
            return;
        }
        Progress.Stage step = progress.step("controller");
        if (spec.tls()) {
            whileOpen(() -> tls = OvsTlsSession.start());
        }
        controller = Controller.start(ControllerConfig.builder().apps(spec.apps()).listen("127.0.0.1", 0)
                .tls(tls == null ? null : tls.controllerFiles())
                .rest(spec.rest()).appConfigs(spec.appConfigs()).openflowCapture(spec.openflowCapture())
                .vlanPorts(ExpectedTopology.vlanPorts(spec.topology(), spec.prefix()))
                .switchVersion(ExpectedTopology.switchVersion(spec.protocols())).build());
        step.done("embedded on " + (tls != null ? "ssl:" : "") + address() + ", apps " + String.join(",", spec.apps())
                + controller.restAccess().map(a -> ", REST on " + a.baseUrl() + "/api").orElse("")
                + (spec.openflowCapture() != null ? ", OpenFlow captured to " + spec.openflowCapture() : ""));
    }

    private void startProcesses() {
        Progress.Stage step = progress.step("controllers");
        ControllerChoice choice = spec.controller();
        if (spec.tls()) {   // one CA for the run, a certificate per member
            whileOpen(() -> tls = OvsTlsSession.start());
        }
        whileOpen(() -> {
            owned = OwnedProcesses.record();
            processes = ControllerProcesses.prepare(choice.members(), choice.launcher(), spec.apps(), spec.appConfigs(),
                    tls == null ? null : tls::memberFiles, owned);
        });
        processes.start(READY_TIMEOUT, step::progress);   // close() from the shutdown hook stops it at any point
        step.done(choice.members() + " processes on " + String.join(",", processes.targets()) + ", apps "
                + String.join(",", spec.apps()) + ", REST on " + processes.members().stream().map(ControllerProcess::restUrl)
                .collect(java.util.stream.Collectors.joining(",")) + ", logs in " + processes.logDir());
    }

    /**
     * Makes something {@link #close()} must undo and puts it in its field, unless close() came first (Ctrl-C during
     * start-up runs it from the shutdown hook while this thread goes on): then nothing is made. Under the lock close()
     * takes, so close() either finds what was made in its field or runs before it is made, never in between.
     */
    private synchronized void whileOpen(Runnable make) {
        if (closed) {
            throw new IllegalStateException("stopped while starting (Ctrl-C or SIGTERM)");
        }
        make.run();
    }

    private void startNetwork() {
        Topology t = spec.topology();
        Progress.Stage step = progress.step("network");
        BuildProgressLine line = new BuildProgressLine(step);
        NetworkOptions options = NetworkOptions.builder()
                .failMode(spec.failMode())
                .controllers(controllerTargets())
                .namePrefix(spec.prefix())
                .protocols(spec.protocols())
                .progress(line::update)
                .build();
        network = Network.start(t, options);
        if (spec.captureDir() != null) {
            network.captureAll(spec.captureDir());
        }
        step.done(count(t.hosts().size(), "host") + ", " + count(t.switches().size(), "switch") + ", "
                + count(t.links().size(), "link") + ", " + network.datapathType() + " datapath, " + failMode().ovsName()
                + (spec.protocols().equals(OpenFlowVersion.DEFAULT) ? "" : ", " + OpenFlowVersion.names(spec.protocols()))
                + (spec.captureDir() != null ? ", capturing every link into " + spec.captureDir() : ""));
    }

    private void awaitSwitches() {
        int switches = spec.topology().switches().size();
        if (switches == 0 || spec.controller().kind() == ControllerChoice.Kind.NONE) {
            return;
        }
        Progress.Stage step = progress.step("switches");
        if (processes != null) {
            processes.awaitReady(ExpectedTopology.of(spec.topology()), Set.of(), READY_TIMEOUT, step::progress);
        } else if (controller != null) {
            try {
                controller.awaitReady(ExpectedTopology.of(spec.topology()), READY_TIMEOUT, step::progress);
            } catch (NotReadyException e) {
                throw new NotReadyException(e.getMessage() + ": see FLOWLAB_LOG=info output, ovs-vsctl show and"
                        + " /var/log/openvswitch/ovs-vswitchd.log");
            }
        } else {
            network.awaitControllerConnections(READY_TIMEOUT, waiting -> step.progress("waiting for OVS to connect "
                    + count(waiting.size(), "switch") + " to " + spec.controller().target()));
        }
        step.done(switches + "/" + switches + " connected to " + controllerName());
    }

    private List<String> controllerTargets() {
        return switch (spec.controller().kind()) {
            case EMBEDDED -> List.of((tls != null ? "ssl" : "tcp") + ":127.0.0.1:" + controller.address().getPort());
            case EXTERNAL -> spec.controller().targets();
            case PROCESSES -> processes.targets();
            case NONE -> List.of();
        };
    }

    /** The switches' datapath ids as the controller writes them ({@code 00:00:00:00:00:00:00:01}). */
    public List<String> dpids() {
        return topology().switches().stream().map(s -> DatapathId.of(s.dpid()).toString()).toList();
    }

    /** The run's controller processes ({@code --controllers N}); empty for other controllers. */
    public Optional<ControllerProcesses> controllerProcesses() {
        return Optional.ofNullable(processes);
    }

    /**
     * Kills controller process {@code number} with SIGKILL, as a crash would, and returns at once: what follows (the
     * others taking over) is what an experiment measures. {@link #awaitSettled} waits until they have.
     */
    public void killController(int number) {
        processes().member(number).kill();
    }

    /**
     * Starts controller process {@code number} again (same ports, same options, recorded as the first start was),
     * waits until it answers, then until the members have the network as it is ({@link #awaitSettled}): the switches
     * reconnect to a restarted member only after Open vSwitch's backoff.
     *
     * @return how long that took, from the start
     * @throws NotReadyException (one line) when it is not so within {@code timeout}
     */
    public Duration restartController(int number, Duration timeout) {
        long since = System.nanoTime();
        ControllerProcess member = processes().member(number);
        processes.restart(number);
        processes.awaitServing(member, timeout, detail -> { });
        awaitSettled(timeout.minusNanos(System.nanoTime() - since));
        return Duration.ofNanos(System.nanoTime() - since);
    }

    /** Closes the embedded controller's listener and every switch connection, as if it died. */
    public void stopEmbeddedController() {
        embedded().stopListening();
    }

    /**
     * Lets the embedded controller listen again and waits until it has the network back ({@link #awaitSettled}):
     * the switches reconnect after Open vSwitch's backoff, then their links are discovered again.
     *
     * @return how long that took
     * @throws NotReadyException (one line) when it is not so within {@link #READY_TIMEOUT}
     */
    public Duration startEmbeddedController() {
        embedded().startListening();
        return awaitSettled(READY_TIMEOUT);
    }

    private Controller embedded() {
        if (controller == null) {
            throw new IllegalStateException(spec.controller().kind() == ControllerChoice.Kind.NONE
                    ? "there is no controller in this run (--controller none)"
                    : "the controller is " + controllerName() + ", not flowlab's embedded one: stop or start it yourself");
        }
        return controller;
    }

    private ControllerProcesses processes() {
        if (processes == null) {
            throw new IllegalStateException("this run has no controller processes of its own (it has " + controllerName()
                    + "); start one with flowlab run --controllers N");
        }
        return processes;
    }

    public LabSpec spec() {
        return spec;
    }

    /**
     * The running network, for every operation on it (pings, iperf, host commands, links, switches,
     * flow tables from OVS). Its names carry the run's prefix; it finds hosts, switches and links by
     * the names in the topology file too.
     */
    public Network network() {
        return network;
    }

    public Topology topology() {
        return spec.topology();
    }

    public FailMode failMode() {
        return spec.failMode();
    }

    /** Hosts with the namespace they live in, in topology order. */
    public List<LabHost> hosts() {
        return topology().hosts().stream()
                .map(h -> new LabHost(h.name(), network.host(spec.prefix() + h.name()).name(), h.address())).toList();
    }

    public Optional<LabHost> host(String name) {
        return hosts().stream().filter(h -> h.name().equals(name)).findFirst();
    }

    public List<String> switchNames() {
        return topology().switches().stream().map(dev.flowlab.topologies.Switch::name).toList();
    }

    /** The OVS bridge of a switch (its name, with the run prefix). */
    public String bridgeName(String switchName) {
        return network.bridge(spec.prefix() + switchName).name();
    }

    /** The name the user knows for a host or switch of the network ({@code h1} for {@code fmh1}). */
    public String userName(String networkName) {
        return networkName.startsWith(spec.prefix()) ? networkName.substring(spec.prefix().length()) : networkName;
    }

    /**
     * Takes the link between two nodes down or brings it back, then waits until the controller sees the network so
     * ({@link #awaitSettled}).
     *
     * @return how long the controller took to see it
     * @throws NotReadyException (one line) when it does not within {@link #READY_TIMEOUT}; the link stays as set
     */
    public Duration setLink(String a, String b, boolean up) {
        if (up) {
            network.link(a, b).up();
        } else {
            network.link(a, b).down();
        }
        return awaitSettled(READY_TIMEOUT);
    }

    /**
     * Switches a switch off (every port down, its controller connection closed) or on again, then waits until the
     * controller sees the network so ({@link #awaitSettled}): on again, it is back once it has reconnected, reported
     * its ports and had its links discovered.
     *
     * @return how long the controller took to see it
     * @throws IllegalStateException when the switch already is off (on)
     * @throws NotReadyException     (one line) when the controller does not see it within {@link #READY_TIMEOUT}
     */
    public Duration setSwitch(String name, boolean on) {
        var bridge = network.bridge(spec.prefix() + name);
        if (on) {
            bridge.start();
        } else {
            bridge.stop();
        }
        return awaitSettled(READY_TIMEOUT);
    }

    /** Whether switch {@code name} is on (false after {@link #setSwitch} switched it off). */
    public boolean switchOn(String name) {
        return !network.bridge(spec.prefix() + name).isStopped();
    }

    /**
     * Waits until the run's controller sees the network as it is now: every switch that is on connected (with a
     * master, for controller processes) and reporting its ports, every link that is up between two switches that are
     * on discovered, none that is down still seen, and the apps ready; every switch that is off gone. For an external
     * controller, until Open vSwitch has every switch that is on connected to it; with none, or with the embedded
     * controller stopped, at once. What the shell's commands that change the network wait for before they return.
     *
     * @return how long it took
     * @throws NotReadyException naming what is missing (one line) when {@code timeout} passes first
     */
    public Duration awaitSettled(Duration timeout) {
        long since = System.nanoTime();
        Predicate<String> on = this::switchOn;
        Predicate<dev.flowlab.topologies.Link> up = l -> network.link(l.nodeA(), l.nodeB()).isUp();
        ExpectedNetwork want = ExpectedTopology.of(topology(), on, up);
        Set<Link> gone = ExpectedTopology.linksDown(topology(), on, up);
        if (processes != null) {
            try {
                processes.awaitReady(want, gone, timeout, detail -> { });
            } catch (IllegalStateException e) {
                throw new NotReadyException(e.getMessage());
            }
        } else if (controller != null && controller.isListening()) {
            controller.awaitReady(want, timeout, detail -> { });
            Set<DatapathId> off = topology().switches().stream().filter(s -> !on.test(s.name()))
                    .map(s -> DatapathId.of(s.dpid())).collect(Collectors.toSet());
            until(timeout.minusNanos(System.nanoTime() - since), () -> {
                long connected = off.stream().filter(d -> controller.switchById(d).isPresent()).count();
                long seen = controller.topology().links().stream().filter(gone::contains).count();
                return connected > 0 ? connected + " switches that are off are still connected to the controller"
                        : seen > 0 ? "the controller still sees " + seen + " links that are down" : null;
            });
        } else if (spec.controller().kind() == ControllerChoice.Kind.EXTERNAL) {
            until(timeout, () -> {
                long waiting = network.controllerConnections().entrySet().stream()
                        .filter(e -> !e.getValue() && on.test(userName(e.getKey()))).count();
                return waiting == 0 ? null : waiting + " switches are not connected to " + spec.controller().target();
            });
        }
        return Duration.ofNanos(System.nanoTime() - since);
    }

    /** Polls {@code missing} (what is not so yet, in one line; null once it is) until null, at most {@code timeout}. */
    private static void until(Duration timeout, Supplier<String> missing) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String m = missing.get(); m != null; m = missing.get()) {
            if (System.nanoTime() > deadline) {
                throw new NotReadyException(m + " after " + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(SETTLE_POLL.toMillis());   // polling: neither the controller nor OVS pushes these
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NotReadyException("interrupted while waiting for the controller");
            }
        }
    }

    /**
     * Starts packet captures into {@link #captureDir()}, one pcapng file per link: with no names every
     * link, with a host's name its link(s) ({@code h1}), with two node names the link between them.
     */
    public List<LinkCapture> capture(List<String> nodes) {
        return switch (nodes.size()) {
            case 0 -> network.captureAll(captureDir());
            case 1 -> {
                if (topology().hosts().stream().noneMatch(h -> h.name().equals(nodes.get(0)))) {
                    throw new IllegalArgumentException("no host named '" + nodes.get(0) + "': capture HOST, capture NODE NODE"
                            + " or capture alone for every link");
                }
                yield network.captureHost(spec.prefix() + nodes.get(0), captureDir());
            }
            case 2 -> {
                if (topology().port(nodes.get(0), nodes.get(1)).isEmpty()) {
                    throw new IllegalArgumentException("no link between " + nodes.get(0) + " and " + nodes.get(1));
                }
                yield List.of(network.capture(spec.prefix() + nodes.get(0), spec.prefix() + nodes.get(1), captureDir()));
            }
            default -> throw new IllegalArgumentException("capture takes no node (every link), a host, or two nodes");
        };
    }

    /**
     * Starts capturing the embedded controller's OpenFlow channel to {@code openflow.pcap} in
     * {@link #captureDir()}; returns the file.
     */
    public Path captureOpenFlow() {
        Controller c = embeddedController().orElseThrow(() -> new IllegalStateException(
                "only the embedded controller's OpenFlow channel can be captured (this run's is " + controllerName() + ")"));
        Path file = captureDir().resolve("openflow.pcap");
        c.openflowCapture().start(file);
        return file;
    }

    /** The captures running now. */
    public List<LinkCapture> captures() {
        return network.captures();
    }

    /** Where this run's capture files go: the spec's directory, else {@code captures/DATE-TIME} here. */
    public Path captureDir() {
        return captureDir;
    }

    /** {@code captures/20261202-041503} under the working directory: a fresh directory for one run's captures. */
    public static Path newCaptureDir() {
        return Path.of("captures", java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter
                .ofPattern("yyyyMMdd-HHmmss"))).toAbsolutePath();
    }

    /** Whether the link between two nodes is up (false after {@link #setLink} took it down). */
    public boolean linkUp(String a, String b) {
        return network.link(a, b).isUp();
    }

    public Optional<Controller> embeddedController() {
        return Optional.ofNullable(controller);
    }

    /** {@code embedded 127.0.0.1:41233}, {@code tcp:127.0.0.1:6653} or {@code none}. */
    public String controllerName() {
        if (processes != null) {
            return processes.members().size() + " controller processes (" + String.join(",", processes.targets()) + ")";
        }
        return controller != null ? "embedded " + address() : spec.controller().toString();
    }

    /**
     * Whether each switch (by the name the user knows) is connected to its controller: as the embedded controller
     * sees it; for an external controller, as Open vSwitch does (every target connected). Empty when the run has no
     * controller, and for controller processes, whose own reports say more ({@link ControllerProcesses#roles()}).
     */
    public Map<String, Boolean> connections() {
        Map<String, Boolean> connected = new java.util.LinkedHashMap<>();
        if (controller != null) {
            topology().switches().forEach(s -> connected.put(s.name(),
                    controller.switchById(DatapathId.of(s.dpid())).isPresent()));
        } else if (spec.controller().kind() == ControllerChoice.Kind.EXTERNAL) {
            network.controllerConnections().forEach((bridge, up) -> connected.put(userName(bridge), up));
        }
        return connected;
    }

    /**
     * The switch's flow table: as the embedded controller sees it (flow stats request) when it is
     * connected, otherwise from OVS ({@code ovs-ofctl dump-flows}).
     */
    public FlowTable flows(String switchName) throws Exception {
        DatapathId dpid = DatapathId.of(topology().switchNamed(switchName).orElseThrow().dpid());
        Optional<Switch> sw = controller == null ? Optional.empty() : controller.switchById(dpid);
        if (sw.isEmpty()) {
            List<String> lines = network.bridge(switchName).flows();
            return new FlowTable("ovs-ofctl dump-flows", lines, lines);
        }
        List<OFFlowStatsReply> replies = sw.get().request(Flows.allFlows(sw.get().factory())).get(5, TimeUnit.SECONDS);
        List<OFFlowStatsEntry> entries = replies.stream().flatMap(r -> r.getEntries().stream()).toList();
        return new FlowTable("flow stats from the controller", FlowText.lines(entries), FlowText.briefLines(entries));
    }

    /**
     * Flow entries as text and where they came from.
     *
     * @param lines one line per entry, as {@code ovs-ofctl dump-flows} shows it
     * @param brief one short line per entry, busiest first, for summaries
     */
    public record FlowTable(String source, List<String> lines, List<String> brief) {
    }

    /** {@code 1 host}, {@code 3 switches}: a count and its noun, for progress lines. */
    public static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : noun.endsWith("h") ? "es" : "s");
    }

    private String address() {
        var a = controller.address();
        return a.getHostString() + ":" + a.getPort();
    }

    /** Tears down the network, then the controller; safe to call twice and from the shutdown hook. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        Progress.Stage step = progress.step("teardown");
        RuntimeException failure = null;
        try {
            if (processes != null) {
                processes.close();   // SIGTERM first: each closes its switches and REST API (the network's teardown would SIGKILL)
            }
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            if (network != null) {
                network.close();
            }
        } catch (RuntimeException e) {
            failure = failure == null ? e : failure;
        }
        try {
            if (owned != null) {
                owned.close();   // any member still running as itself, the logs, the record
            }
        } catch (RuntimeException e) {
            failure = failure == null ? e : failure;
        }
        try {
            if (controller != null) {
                controller.close();
            }
        } catch (RuntimeException e) {
            failure = failure == null ? e : failure;
        }
        try {
            if (tls != null) {
                tls.close();   // Open vSwitch's SSL settings back as they were
            }
        } catch (RuntimeException e) {
            failure = failure == null ? e : failure;
        }
        if (failure != null) {
            step.fail(failure.getMessage());
        } else if (network != null || controller != null || processes != null) {
            step.done("removed everything this run made");
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // We are the hook, or the JVM is exiting anyway.
        }
    }
}
