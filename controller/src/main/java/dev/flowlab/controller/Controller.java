package dev.flowlab.controller;

import dev.flowlab.controller.api.App;
import dev.flowlab.controller.api.ConfigStore;
import dev.flowlab.controller.api.HostService;
import dev.flowlab.controller.api.TopologyService;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.core.AppLoader;
import dev.flowlab.controller.core.ContextForApp;
import dev.flowlab.controller.core.GroupsAndMeters;
import dev.flowlab.controller.core.EventDispatcher;
import dev.flowlab.controller.core.LoadedApp;
import dev.flowlab.controller.core.SwitchRegistry;
import dev.flowlab.controller.capture.OpenFlowCapture;
import dev.flowlab.controller.metrics.ControllerMetrics;
import dev.flowlab.controller.monitor.PortStatsMonitor;
import dev.flowlab.controller.rest.MetricsRoute;
import dev.flowlab.controller.view.ViewFeed;
import dev.flowlab.controller.view.ViewModel;
import dev.flowlab.controller.view.ViewRoutes;
import dev.flowlab.controller.openflow.OfServer;
import dev.flowlab.controller.openflow.SwitchConnection;
import dev.flowlab.controller.role.Mastership;
import dev.flowlab.controller.role.SingleMember;
import dev.flowlab.controller.topology.CoreServices;
import dev.flowlab.controller.rest.CoreRoutes;
import dev.flowlab.controller.rest.RestServer;
import dev.flowlab.controller.rest.RouteTable;
import dev.flowlab.controller.rest.StaticFlows;
import dev.flowlab.controller.store.MemoryConfigStore;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.types.DatapathId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running OpenFlow 1.3 controller: its apps, its listening socket and its switches.
 *
 * <pre>{@code
 * try (Controller c = Controller.start(ControllerConfig.builder().apps("learning-switch").build())) {
 *     c.awaitSwitches(List.of(DatapathId.of(1), DatapathId.of(2)), Duration.ofSeconds(10));
 *     ...
 * }
 * }</pre>
 */
public final class Controller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Controller.class);
    /**
     * Longest wait for the packet-in warm-up (about 1.5 s on a quiet machine): on a busy one it can take 15 s (load 13),
     * and serving switches with cold code is better than not serving them; the warm-up then goes on beside.
     */
    private static final Duration WARM_UP_WAIT = Duration.ofSeconds(3);

    private final List<LoadedApp> apps;
    private final CoreServices services;
    private final SwitchRegistry registry;
    private final Mastership mastership;
    private final OfServer server;
    private final ScheduledExecutorService appExecutor;
    private final ControllerConfig config;
    private final RouteTable routes = new RouteTable();
    private final OpenFlowCapture openflowCapture = new OpenFlowCapture();
    private final GroupsAndMeters groupsAndMeters;
    private final ControllerMetrics metrics = new ControllerMetrics();
    private PortStatsMonitor monitor;
    private ViewFeed viewFeed;
    private volatile ExpectedNetwork expected;
    private RestServer rest;
    private PacketPathWarmup warmup;
    private final ConfigStore store;
    private final StaticFlows staticFlows;
    /** The core services that run as apps (first in the dispatch order of equal {@code order()}). */
    private final List<LoadedApp> core;
    private volatile InetSocketAddress address;
    private boolean closed;

    private Controller(ControllerConfig config, CoreServices services, List<LoadedApp> apps) {
        this.config = config;
        this.services = services;
        this.store = config.configStore() != null ? config.configStore() : new MemoryConfigStore();
        this.staticFlows = new StaticFlows(store);
        this.groupsAndMeters = new GroupsAndMeters(config.vlanPorts().any());
        List<LoadedApp> coreApps = new ArrayList<>(services.apps());
        coreApps.add(new LoadedApp(StaticFlows.ID, staticFlows));
        this.core = List.copyOf(coreApps);
        List<LoadedApp> all = new ArrayList<>(core);
        all.addAll(apps);
        EventDispatcher dispatcher = new EventDispatcher(all, metrics::packetInTimer);
        this.apps = dispatcher.apps();
        this.mastership = config.mastership() != null ? config.mastership()
                : new SingleMember(() -> hostPort(address));
        this.registry = new SwitchRegistry(dispatcher, mastership);
        this.appExecutor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "flowlab-apps");
            t.setDaemon(true);
            return t;
        });
        this.server = new OfServer(config, dispatcher, registry, openflowCapture);
        this.address = new InetSocketAddress(config.host(), config.port());
    }

    /** Starts the configured apps and listens for switches. */
    public static Controller start(ControllerConfig config) {
        return start(config, List.of());
    }

    /**
     * Starts the configured apps plus {@code extraApps} (apps given as objects, for example a
     * command line that prints switch events), and listens for switches.
     *
     * @throws IllegalArgumentException for an unknown app id, naming the known ones
     * @throws IllegalStateException when the address cannot be bound
     */
    public static Controller start(ControllerConfig config, List<App> extraApps) {
        Controller controller = prepare(config, extraApps);
        try {
            if (controller.config.openflowCapture() != null) {
                controller.openflowCapture.start(controller.config.openflowCapture());
            }
            controller.mastership.start(controller::reclaimAll);
            controller.warmup = PacketPathWarmup.startOncePerJvm(controller.config, controller.apps);
            if (config.listenWhenWarm()) {
                // Before REST too: whoever waits for the REST API (a lab waits for its members' so) then finds the
                // OpenFlow listener up, as before; a switch refused meanwhile would back off for seconds.
                controller.warmup.awaitDone(WARM_UP_WAIT);
            }
            controller.startRest();
            controller.startListening();
            return controller;
        } catch (RuntimeException e) {
            controller.close();
            throw e;
        }
    }

    /**
     * Refuses {@code config} for everything {@link #start} would refuse it for before a switch can connect
     * (unknown apps, config files, apps that cannot run together or on the switches' version, VLAN roles an app
     * cannot keep), without listening, serving or starting its mastership: its apps are started and stopped again.
     * For a controller about to be started in another process ({@code flowlab run --controllers N}), so a
     * mistake is one line before anything is built rather than the tail of that process's log.
     *
     * @throws IllegalArgumentException or IllegalStateException naming the problem, in one line
     */
    public static void check(ControllerConfig config) {
        prepare(config, List.of()).close();
    }

    /** A controller with its apps started and every start-time refusal passed; closed again when one fails. */
    private static Controller prepare(ControllerConfig config, List<App> extraApps) {
        config = withVlanFile(config);
        for (String appId : config.appConfigs().keySet()) {
            if (!config.apps().contains(appId)) {
                throw new IllegalArgumentException("a config file is given for app '" + appId + "', which is not running"
                        + " (apps: " + String.join(",", config.apps()) + "); add it to --apps or drop its --app-config");
            }
        }
        refuseOlderSwitches(config);   // before any app is made
        CoreServices services = new CoreServices(config.hostTableSize(), config.hostAgeing(), null, config.vlanPorts().ports());
        List<LoadedApp> loaded = AppLoader.load(config.apps(), extraApps, services.module());
        Controller controller = new Controller(config, services, loaded);
        AppLoader.newestMinimum(config.apps()).ifPresent(need -> controller.registry.serveFrom(need.getKey(), need.getValue()));
        try {
            controller.startApps();
            refuseUnhonouredVlans(loaded, config.vlanPorts());   // apps know their config now; no switch yet
            refuseIncompatibleApps(loaded);
            return controller;
        } catch (RuntimeException e) {
            controller.close();
            throw e;
        }
    }

    /** {@code --app-config vlans=FILE} is the VLAN stage's own file, not an app's: read it into the config. */
    private static ControllerConfig withVlanFile(ControllerConfig config) {
        Path file = config.appConfigs().get(VlanPorts.CONFIG_ID);
        if (file == null) {
            return config;
        }
        Map<String, Path> rest = new java.util.LinkedHashMap<>(config.appConfigs());
        rest.remove(VlanPorts.CONFIG_ID);
        ControllerConfig.Builder b = config.toBuilder().vlanPorts(VlanPorts.read(file));
        return b.replaceAppConfigs(rest).build();
    }

    /** Apps that cannot work together are refused before a switch connects, naming the app and the reason. */
    private static void refuseIncompatibleApps(List<LoadedApp> apps) {
        for (LoadedApp a : apps) {
            java.util.Set<String> others = new java.util.TreeSet<>();
            apps.stream().map(LoadedApp::id).filter(id -> !id.equals(a.id())).forEach(others::add);
            a.app().refuseAlongside(others).ifPresent(why -> {
                throw new IllegalArgumentException("app " + a.id() + " cannot run beside " + String.join(",", others) + ": " + why);
            });
        }
    }

    /** Apps, or a VLAN stage, that the switches' OpenFlow version cannot carry: one line, before anything starts. */
    private static void refuseOlderSwitches(ControllerConfig config) {
        OFVersion version = config.switchVersion();
        if (version == null) {
            return;
        }
        if (version == OFVersion.OF_10 && config.vlanPorts().any()) {
            throw new IllegalArgumentException("this network has VLANs, and the VLAN stage needs several flow tables: "
                    + "OpenFlow 1.3 or later, while the switches will speak OpenFlow 1.0");
        }
        AppLoader.refuseOlderSwitches(config.apps(), version);
    }

    /** A network whose VLAN roles an app cannot keep is refused before a switch connects, naming app and reason. */
    private static void refuseUnhonouredVlans(List<LoadedApp> apps, VlanPorts vlans) {
        if (!vlans.any()) {
            return;
        }
        for (LoadedApp a : apps) {
            a.app().refuseVlans(vlans.ports().values()).ifPresent(why -> {
                throw new IllegalArgumentException("app " + a.id() + " cannot run this network's VLANs: " + why);
            });
        }
    }

    private void startApps() {
        for (LoadedApp a : apps) {
            a.app().start(new ContextForApp(a.id(), registry, appExecutor, routes.forApp(a.id()),
                    config.appConfigs().get(a.id()), store, groupsAndMeters));
        }
    }

    /** The monitor's only readers are /metrics and the web view: without REST no switch is polled. */
    private void startMonitor() {
        monitor = PortStatsMonitor.start(registry, config.portStatsInterval());
        metrics.watch(registry);
        metrics.watch(monitor);
        metrics.watch(openflowCapture);
    }

    private void startRest() {
        if (config.rest().enabled()) {
            startMonitor();
            CoreRoutes.register(routes, registry, apps, services.topology(), services.hosts(), groupsAndMeters,
                    staticFlows);
            MetricsRoute.register(routes, metrics);
            ViewModel view = new ViewModel(registry, services.topology(), services.hosts(), monitor,
                    apps.stream().map(LoadedApp::id).toList(), () -> expected, config.portStatsInterval());
            ViewRoutes.register(routes, view);
            viewFeed = new ViewFeed(view);
            routes.feed("/api/view/events", viewFeed);
            rest = RestServer.start(config.rest(), routes);
        }
    }

    /**
     * The port-stats monitor: every switch's port counters and rates, and flow table, at the last poll;
     * empty when REST is off (nothing would read it).
     */
    public Optional<PortStatsMonitor> portStats() {
        return Optional.ofNullable(monitor);
    }

    /** The Prometheus text {@code GET /metrics} answers. */
    public String metricsText() {
        return metrics.scrape();
    }

    /** The OpenFlow channel capture: {@code start(file)} and {@code stop()} it while the controller runs. */
    public OpenFlowCapture openflowCapture() {
        return openflowCapture;
    }

    /** Where the REST API answers (with the real port when 0 was asked); empty when REST is off. */
    public Optional<InetSocketAddress> restAddress() {
        return Optional.ofNullable(rest).map(RestServer::address);
    }

    /** Where the REST API answers and the token it wants; empty when REST is off. */
    public Optional<RestAccess> restAccess() {
        return Optional.ofNullable(rest).map(RestServer::access);
    }

    /** The switch registry (for tests of what it keeps per datapath id). */
    SwitchRegistry registry() {
        return registry;
    }

    /** The group and meter tables (for tests of what they keep per datapath id). */
    GroupsAndMeters groupsAndMeters() {
        return groupsAndMeters;
    }

    /** The address the controller listens on (with the real port when port 0 was asked). */
    public InetSocketAddress address() {
        return address;
    }

    /** Switches that finished their handshake. */
    public Collection<Switch> switches() {
        return registry.switches();
    }

    /** The connected switch with this datapath id, if it finished its handshake. */
    public Optional<Switch> switchById(DatapathId dpid) {
        return registry.get(dpid);
    }

    /** Waits until every switch in {@code dpids} finished its handshake; false if the timeout passed first. */
    public boolean awaitSwitches(Collection<DatapathId> dpids, Duration timeout) {
        try {
            return registry.awaitAll(dpids, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Waits until this controller sees {@code expected}: every switch connected, reporting its ports,
     * every expected link discovered, every app ready ({@link dev.flowlab.controller.api.App#notReady}), and the
     * packet-in path warm. {@code progress} hears what is being waited for. A warm-up still running when the timeout
     * passes is no failure (the controller works the same, its first packets run slower): it returns then.
     *
     * @throws NotReadyException naming what is still missing (one line) when the timeout passes first
     */
    public void awaitReady(ExpectedNetwork expected, Duration timeout, Consumer<String> progress) {
        if (this.expected == null) {
            // The web view shows what should be there and is not: the network as first awaited (as built). A later
            // wait for a network with a link taken down on purpose must not make that link vanish from the view.
            this.expected = expected;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            new ReadinessWait(registry, services.topology(), apps.stream().map(LoadedApp::app).toList(), expected, timeout,
                    progress).await();
            // Ready means fast too: the first packets would otherwise meet cold code, and share the CPU with the warm-up.
            if (!warmup.isDone()) {
                progress.accept("waiting for the packet-in path to warm up");
                warmup.awaitDone(warmUpWait(deadline - System.nanoTime()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotReadyException("interrupted while waiting for the switches");
        }
    }

    /** How long to wait for the warm-up with {@code leftNanos} of a caller's timeout left: never past it. */
    static Duration warmUpWait(long leftNanos) {
        return Duration.ofNanos(Math.max(0, Math.min(leftNanos, WARM_UP_WAIT.toNanos())));
    }

    /**
     * Closes the listening socket and every switch connection, as if the controller died (switches
     * in fail_mode=secure keep their flows, standalone ones fall back to MAC learning). Returns once
     * the apps have seen every switch go down.
     */
    public void stopListening() {
        registry.setSilent(true);   // as in close(): the switches keep what they have
        server.stopListening();
        LOG.info("stopped listening on {}", address);
    }

    /** Whether it listens for switches now (false after {@link #stopListening()}, until {@link #startListening()}). */
    public boolean isListening() {
        return server.isListening();
    }

    /** Listens again on the same address and port. */
    public void startListening() {
        registry.setSilent(false);
        try {
            address = server.listen(address);
        } catch (Exception e) {  // Netty rethrows the checked BindException without declaring it
            throw new IllegalStateException("cannot listen on " + hostPort(address) + ": " + e.getMessage()
                    + " (is another controller running there? choose another address or port)", e);
        }
        LOG.info("listening for OpenFlow 1.3 switches on {}{}", config.tls() != null ? "ssl:" : "tcp:", hostPort(address));
    }

    /** The mastership changed its mind: every connected switch is asked for the role it says now. */
    private void reclaimAll() {
        registry.switches().forEach(sw -> {
            if (sw instanceof SwitchConnection connection) {
                connection.reclaim();
            }
        });
    }

    /** What decides this controller's role per switch ({@link SingleMember} unless a cluster was configured). */
    public Mastership mastership() {
        return mastership;
    }

    /** Ids of the running apps, in the order they see events (without the core services). */
    public List<String> appIds() {
        return apps.stream().filter(a -> !core.contains(a)).map(LoadedApp::id).toList();
    }

    /** Switches and the links between them, found by LLDP. */
    public TopologyService topology() {
        return services.topology();
    }

    /** Where each host attaches. */
    public HostService hosts() {
        return services.hosts();
    }

    /** Ids of every app found on the class path, sorted. */
    public static Set<String> availableApps() {
        return Collections.unmodifiableSet(new TreeSet<>(AppLoader.available().keySet()));
    }

    /** Disconnects every switch, stops the apps (in reverse order) and the I/O threads. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (warmup != null) {
            warmup.stop();
        }
        if (rest != null) {
            rest.close();
        }
        registry.setSilent(true);   // switch-down events below must not make apps change the switches still up
        server.close();
        mastership.close();
        openflowCapture.close();
        if (monitor != null) {
            monitor.close();
        }
        if (viewFeed != null) {
            viewFeed.close();
        }
        for (int i = apps.size() - 1; i >= 0; i--) {
            LoadedApp a = apps.get(i);
            try {
                a.app().stop();
            } catch (RuntimeException e) {
                LOG.warn("app={} threw in stop: {}", a.id(), e.toString(), e);
            }
        }
        appExecutor.shutdownNow();
        try {
            appExecutor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String hostPort(InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }
}
