package dev.flowlab.controller;

import dev.flowlab.controller.api.AgeingTable;
import dev.flowlab.controller.api.ConfigStore;
import dev.flowlab.controller.openflow.ConnectionLimits;
import dev.flowlab.controller.openflow.TlsFiles;
import dev.flowlab.controller.role.Mastership;
import dev.flowlab.controller.topology.HostTracker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.projectfloodlight.openflow.protocol.OFVersion;

/**
 * How to run a {@link Controller}: built with {@link #builder()}, unchanged afterwards. Every value
 * is checked by {@link Builder#build()}, so a bad one fails before anything starts.
 *
 * <pre>{@code
 * ControllerConfig config = ControllerConfig.builder()
 *         .apps("acl", "learning-switch")
 *         .listen("127.0.0.1", 0)
 *         .rest(RestConfig.on("127.0.0.1", 8080))
 *         .appConfig("acl", Path.of("acl.yaml"))
 *         .build();
 * }</pre>
 */
public final class ControllerConfig {
    /** Only switches on this machine can connect unless told otherwise. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** The IANA OpenFlow port (Open vSwitch's default controller port). */
    public static final int DEFAULT_PORT = 6653;

    private final String host;
    private final int port;
    private final List<String> apps;
    private final Duration echoInterval;
    private final Duration echoTimeout;
    private final Duration handshakeTimeout;
    private final Duration requestTimeout;
    private final int missSendLength;
    private final boolean installTableMiss;
    private final boolean listenWhenWarm;
    private final int ioThreads;
    private final RestConfig rest;
    private final Map<String, Path> appConfigs;
    private final ConnectionLimits limits;
    private final TlsFiles tls;
    private final int hostTableSize;
    private final Duration hostAgeing;
    private final VlanPorts vlanPorts;
    private final OFVersion switchVersion;
    private final Path openflowCapture;
    private final Duration portStatsInterval;
    private final ConfigStore configStore;
    private final Mastership mastership;

    private ControllerConfig(Builder b) {
        host = Objects.requireNonNull(b.host, "host");
        if (b.port < 0 || b.port > 65535) {
            throw new IllegalArgumentException("port " + b.port + " is out of range; use 0-65535 (0 picks a free port)");
        }
        port = b.port;
        apps = List.copyOf(b.apps);
        echoInterval = positive("echoInterval", b.echoInterval);
        echoTimeout = positive("echoTimeout", b.echoTimeout);
        handshakeTimeout = positive("handshakeTimeout", b.handshakeTimeout);
        requestTimeout = positive("requestTimeout", b.requestTimeout);
        if (b.missSendLength < 0 || b.missSendLength > 0xffff) {
            throw new IllegalArgumentException("missSendLength " + b.missSendLength + " is out of range; use 0-65535");
        }
        missSendLength = b.missSendLength;
        installTableMiss = b.installTableMiss;
        listenWhenWarm = b.listenWhenWarm;
        if (b.ioThreads < 0) {
            throw new IllegalArgumentException("ioThreads " + b.ioThreads + " is negative; use 0 for one per CPU core");
        }
        ioThreads = b.ioThreads;
        rest = Objects.requireNonNull(b.rest, "rest");
        appConfigs = Map.copyOf(b.appConfigs);
        limits = Objects.requireNonNull(b.limits, "limits");
        tls = b.tls;
        if (b.hostTableSize < 1) {
            throw new IllegalArgumentException("host table size " + b.hostTableSize + " must be at least 1");
        }
        hostTableSize = b.hostTableSize;
        hostAgeing = positive("hostAgeing", b.hostAgeing);
        vlanPorts = Objects.requireNonNull(b.vlanPorts, "vlanPorts");
        switchVersion = b.switchVersion;
        openflowCapture = b.openflowCapture;
        portStatsInterval = positive("portStatsInterval", b.portStatsInterval);
        configStore = b.configStore;
        mastership = b.mastership;
    }

    private static Duration positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
        }
        return value;
    }

    /**
     * A builder starting from the defaults: 127.0.0.1:6653, no apps, echo after 5 s of silence with
     * 5 s to answer, 10 s handshake and request timeouts, whole packets in packet-ins, the table-miss
     * entry installed, one I/O thread per core, REST off, {@link ConnectionLimits#defaults()}, a host
     * table of 8192 hosts each forgotten 300 s after its last packet (Open vSwitch's MAC table defaults).
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration, to change a few values of it. */
    public Builder toBuilder() {
        Builder b = new Builder().apps(apps).listen(host, port).echo(echoInterval, echoTimeout)
                .handshakeTimeout(handshakeTimeout).requestTimeout(requestTimeout).missSendLength(missSendLength)
                .installTableMiss(installTableMiss).listenWhenWarm(listenWhenWarm).ioThreads(ioThreads).rest(rest).limits(limits)
                .hostTable(hostTableSize, hostAgeing).openflowCapture(openflowCapture)
                .portStatsInterval(portStatsInterval).vlanPorts(vlanPorts).switchVersion(switchVersion).tls(tls).mastership(mastership)
                .configStore(configStore);
        b.appConfigs.putAll(appConfigs);
        return b;
    }

    /** The pcap file the OpenFlow channel is captured to from the start, or null for none. */
    public Path openflowCapture() {
        return openflowCapture;
    }

    /**
     * Which role the controller claims for each switch; null (the default) for a controller on its own,
     * which claims nothing (see {@link dev.flowlab.controller.role.SingleMember}).
     */
    public Mastership mastership() {
        return mastership;
    }

    /** How often the port-stats monitor asks every switch for its port counters. */
    public Duration portStatsInterval() {
        return portStatsInterval;
    }

    /** Address to listen on (127.0.0.1 by default: only local switches). */
    public String host() {
        return host;
    }

    /** TCP port; 0 picks a free one ({@link Controller#address()} tells which). */
    public int port() {
        return port;
    }

    /** Ids of the apps to run, for example {@code learning-switch}. */
    public List<String> apps() {
        return apps;
    }

    /** A switch silent this long gets an echo request. */
    public Duration echoInterval() {
        return echoInterval;
    }

    /** A switch that then stays silent this long is disconnected (down). */
    public Duration echoTimeout() {
        return echoTimeout;
    }

    /** A connection that has not finished the handshake by then is closed. */
    public Duration handshakeTimeout() {
        return handshakeTimeout;
    }

    /** A barrier or stats request unanswered this long fails. */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** SET_CONFIG miss_send_len: bytes of a packet sent to the controller (0xffff: all, no buffering). */
    public int missSendLength() {
        return missSendLength;
    }

    /** Whether the handshake installs the table-miss entry (priority 0, to the controller). */
    public boolean installTableMiss() {
        return installTableMiss;
    }

    /** Whether {@link Controller#start} listens only once its packet-in path is warm (see {@link Builder#listenWhenWarm}). */
    public boolean listenWhenWarm() {
        return listenWhenWarm;
    }

    /** Netty I/O threads serving switches; 0 means one per CPU core. */
    public int ioThreads() {
        return ioThreads;
    }

    /** Whether and where to serve the REST API. */
    public RestConfig rest() {
        return rest;
    }

    /** Configuration file of an app, by app id (see {@code AppContext.config}). */
    public Map<String, Path> appConfigs() {
        return appConfigs;
    }

    /** What one connection, one peer address and all of them may cost ({@link ConnectionLimits}). */
    public ConnectionLimits limits() {
        return limits;
    }

    /** The most hosts the host tracker holds; when full, a host heard from long ago makes room. */
    public int hostTableSize() {
        return hostTableSize;
    }

    /** A host not heard from for this long is forgotten. */
    public Duration hostAgeing() {
        return hostAgeing;
    }

    /** Whether switches speak TLS to us, with which files; null for plain TCP. */
    public TlsFiles tls() {
        return tls;
    }

    /** The VLAN role of each port the controller enforces (empty: no VLAN stage). */
    public VlanPorts vlanPorts() {
        return vlanPorts;
    }

    /**
     * The OpenFlow version the switches will speak, when whoever builds them knows it (null: unknown). An app
     * or the VLAN stage that needs a newer one is then refused at start, before a switch connects.
     */
    public OFVersion switchVersion() {
        return switchVersion;
    }

    /**
     * Where run-time configuration (static flows, ACL rules, router config) is kept: a cluster's
     * replicated store, or null for a fresh in-memory one per controller.
     */
    public ConfigStore configStore() {
        return configStore;
    }

    /** Collects the values of a {@link ControllerConfig}; each setter returns the builder. */
    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private List<String> apps = List.of();
        private Duration echoInterval = Duration.ofSeconds(5);
        private Duration echoTimeout = Duration.ofSeconds(5);
        private Duration handshakeTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(10);
        private int missSendLength = 0xffff;
        private boolean installTableMiss = true;
        private boolean listenWhenWarm;
        private int ioThreads;
        private RestConfig rest = RestConfig.off();
        private final Map<String, Path> appConfigs = new LinkedHashMap<>();
        private ConnectionLimits limits = ConnectionLimits.defaults();
        private TlsFiles tls;
        private int hostTableSize = HostTracker.DEFAULT_MAX_HOSTS;
        private Duration hostAgeing = AgeingTable.DEFAULT_AGEING;
        private VlanPorts vlanPorts = VlanPorts.NONE;
        private OFVersion switchVersion;
        private Path openflowCapture;
        private Duration portStatsInterval = Duration.ofSeconds(5);
        private ConfigStore configStore;
        private Mastership mastership;

        private Builder() {
        }

        /** Runs these apps, in this order. */
        public Builder apps(List<String> appIds) {
            this.apps = List.copyOf(appIds);
            return this;
        }

        /** Runs these apps, in this order. */
        public Builder apps(String... appIds) {
            return apps(List.of(appIds));
        }

        /** Listens on this host and port (0: any free port). */
        public Builder listen(String host, int port) {
            this.host = host;
            this.port = port;
            return this;
        }

        /** Echo request after {@code interval} of silence, disconnect after {@code timeout} more. */
        public Builder echo(Duration interval, Duration timeout) {
            this.echoInterval = interval;
            this.echoTimeout = timeout;
            return this;
        }

        /** Closes a connection that has not finished its handshake by then. */
        public Builder handshakeTimeout(Duration timeout) {
            this.handshakeTimeout = timeout;
            return this;
        }

        /** Fails a barrier or stats request unanswered this long. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = timeout;
            return this;
        }

        /** SET_CONFIG miss_send_len (0-65535). */
        public Builder missSendLength(int length) {
            this.missSendLength = length;
            return this;
        }

        /** Whether the handshake installs the table-miss entry; off for apps that set up every flow proactively. */
        public Builder installTableMiss(boolean install) {
            this.installTableMiss = install;
            return this;
        }

        /**
         * Whether to listen only once the packet-in path is warm (about 1.5 s after start on a quiet machine, 3 s at most):
         * for a controller in its own JVM, so its first switches neither meet cold code nor share the CPU with the
         * warm-up. Off (listen at once, warm up beside) where something else is being built meanwhile, as in a lab.
         */
        public Builder listenWhenWarm(boolean when) {
            this.listenWhenWarm = when;
            return this;
        }

        /** This many Netty I/O threads (0: one per CPU core). */
        public Builder ioThreads(int threads) {
            this.ioThreads = threads;
            return this;
        }

        /** Serves the REST API as {@code rest} says ({@link RestConfig#on}, {@link RestConfig#off()}). */
        public Builder rest(RestConfig rest) {
            this.rest = rest;
            return this;
        }

        /** Gives the app {@code appId} its configuration file (YAML or JSON). */
        public Builder appConfig(String appId, Path file) {
            appConfigs.put(Objects.requireNonNull(appId, "appId"), Objects.requireNonNull(file, "file"));
            return this;
        }

        /** Replaces every app's configuration file with these. */
        Builder replaceAppConfigs(Map<String, Path> filesByAppId) {
            appConfigs.clear();
            return appConfigs(filesByAppId);
        }

        /** Gives each app its configuration file, by app id. */
        public Builder appConfigs(Map<String, Path> filesByAppId) {
            filesByAppId.forEach(this::appConfig);
            return this;
        }

        /** Bounds on connections and what each may cost (default {@link ConnectionLimits#defaults()}). */
        public Builder limits(ConnectionLimits limits) {
            this.limits = limits;
            return this;
        }

        /**
         * The host tracker holds at most {@code size} hosts (default {@link HostTracker#DEFAULT_MAX_HOSTS}: one
         * table for every switch), each forgotten {@code ageing} after its last packet (default 300 s).
         */
        public Builder hostTable(int size, Duration ageing) {
            this.hostTableSize = size;
            this.hostAgeing = ageing;
            return this;
        }

        /** Enforces these ports' VLAN roles in every switch's pipeline (see {@link VlanPorts}). */
        public Builder vlanPorts(VlanPorts ports) {
            this.vlanPorts = ports;
            return this;
        }

        /** The OpenFlow version the switches will speak (see {@link ControllerConfig#switchVersion()}); default unknown. */
        public Builder switchVersion(OFVersion version) {
            this.switchVersion = version;
            return this;
        }

        /** Capture the OpenFlow channel to this pcap file from the start; null (the default) for no capture. */
        public Builder openflowCapture(Path file) {
            this.openflowCapture = file;
            return this;
        }

        /** How often port counters are polled for rates, metrics and the web view (default 5 s, as Ryu's monitor uses 10). */
        public Builder portStatsInterval(Duration interval) {
            this.portStatsInterval = interval;
            return this;
        }

        /** Keeps run-time configuration in {@code store} (a cluster member's replicated one); null: in memory. */
        public Builder configStore(ConfigStore store) {
            this.configStore = store;
            return this;
        }

        /**
         * The controller claims OpenFlow roles as {@code mastership} decides (a cluster member); null (the
         * default) for a controller on its own.
         */
        public Builder mastership(Mastership mastership) {
            this.mastership = mastership;
            return this;
        }

        /** Switches connect over TLS with these files (mutual TLS); null (the default) for plain TCP. */
        public Builder tls(TlsFiles files) {
            this.tls = files;
            return this;
        }

        /**
         * The configuration.
         *
         * @throws IllegalArgumentException naming the first value out of range
         */
        public ControllerConfig build() {
            return new ControllerConfig(this);
        }
    }
}
