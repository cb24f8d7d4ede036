package dev.flowlab.controller;

import dev.flowlab.controller.openflow.ConnectionLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to run a {@link Controller}. Start from {@link #defaults()} or {@link #of(List)} and change
 * what you need with the {@code with...} methods; every value is checked here, so a bad one fails
 * before anything starts.
 *
 * @param host              address to listen on (127.0.0.1 by default: only local switches)
 * @param port              TCP port; 0 picks a free one ({@link Controller#address()} tells which)
 * @param apps              ids of the apps to run, for example {@code learning-switch}
 * @param echoInterval      a switch silent this long gets an echo request
 * @param echoTimeout       a switch that then stays silent this long is disconnected (down)
 * @param handshakeTimeout  a connection that has not finished the handshake by then is closed
 * @param requestTimeout    a barrier or stats request unanswered this long fails
 * @param missSendLength    SET_CONFIG miss_send_len: bytes of a packet sent to the controller (0xffff: all, no buffering)
 * @param installTableMiss  install the table-miss entry (priority 0, to the controller) at handshake;
 *                          off for apps that set up every flow proactively
 * @param ioThreads         Netty I/O threads serving switches; 0 means one per CPU core
 * @param rest              whether and where to serve the REST API (off by default)
 * @param appConfigs        configuration file of an app, by app id (see {@code AppContext.config})
 * @param limits            what one connection, one peer address and all of them may cost ({@link ConnectionLimits#defaults()})
 */
public record ControllerConfig(String host, int port, List<String> apps, Duration echoInterval, Duration echoTimeout,
                               Duration handshakeTimeout, Duration requestTimeout, int missSendLength,
                               boolean installTableMiss, int ioThreads, RestConfig rest, Map<String, Path> appConfigs,
                               ConnectionLimits limits) {
    /** Only switches on this machine can connect unless told otherwise. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** The IANA OpenFlow port (Open vSwitch's default controller port). */
    public static final int DEFAULT_PORT = 6653;

    /** Checks every value; see the record description. */
    public ControllerConfig {
        Objects.requireNonNull(host, "host");
        apps = List.copyOf(apps);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of range; use 0-65535 (0 picks a free port)");
        }
        positive("echoInterval", echoInterval);
        positive("echoTimeout", echoTimeout);
        positive("handshakeTimeout", handshakeTimeout);
        positive("requestTimeout", requestTimeout);
        if (missSendLength < 0 || missSendLength > 0xffff) {
            throw new IllegalArgumentException("missSendLength " + missSendLength + " is out of range; use 0-65535");
        }
        if (ioThreads < 0) {
            throw new IllegalArgumentException("ioThreads " + ioThreads + " is negative; use 0 for one per CPU core");
        }
        Objects.requireNonNull(rest, "rest");
        appConfigs = Map.copyOf(appConfigs);
        Objects.requireNonNull(limits, "limits");
    }

    private static void positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
        }
    }

    /** 127.0.0.1:6653, no apps, echo every 5 s with 5 s to answer, 10 s handshake and request timeouts. */
    public static ControllerConfig defaults() {
        return new ControllerConfig(DEFAULT_HOST, DEFAULT_PORT, List.of(), Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofSeconds(10), Duration.ofSeconds(10), 0xffff, true, 0, RestConfig.off(), Map.of(),
                ConnectionLimits.defaults());
    }

    /** The defaults with these apps. */
    public static ControllerConfig of(List<String> apps) {
        return defaults().withApps(apps);
    }

    /** A copy running these apps instead. */
    public ControllerConfig withApps(List<String> apps) {
        return new ControllerConfig(host, port, apps, echoInterval, echoTimeout, handshakeTimeout, requestTimeout,
                missSendLength, installTableMiss, ioThreads, rest, appConfigs, limits);
    }

    /** A copy listening on this host and port (0: any free port). */
    public ControllerConfig withListen(String host, int port) {
        return new ControllerConfig(host, port, apps, echoInterval, echoTimeout, handshakeTimeout, requestTimeout,
                missSendLength, installTableMiss, ioThreads, rest, appConfigs, limits);
    }

    /** A copy with this keep-alive: echo request after {@code interval} of silence, disconnect after {@code timeout} more. */
    public ControllerConfig withEcho(Duration interval, Duration timeout) {
        return new ControllerConfig(host, port, apps, interval, timeout, handshakeTimeout, requestTimeout,
                missSendLength, installTableMiss, ioThreads, rest, appConfigs, limits);
    }

    /** A copy with this handshake timeout. */
    public ControllerConfig withHandshakeTimeout(Duration timeout) {
        return new ControllerConfig(host, port, apps, echoInterval, echoTimeout, timeout, requestTimeout,
                missSendLength, installTableMiss, ioThreads, rest, appConfigs, limits);
    }

    /** A copy with this timeout for barrier and stats requests. */
    public ControllerConfig withRequestTimeout(Duration timeout) {
        return new ControllerConfig(host, port, apps, echoInterval, echoTimeout, handshakeTimeout, timeout,
                missSendLength, installTableMiss, ioThreads, rest, appConfigs, limits);
    }

    /** A copy with this SET_CONFIG miss_send_len. */
    public ControllerConfig withMissSendLength(int length) {
        return new ControllerConfig(host, port, apps, echoInterval, echoTimeout, handshakeTimeout, requestTimeout,
                length, installTableMiss, ioThreads, rest, appConfigs, limits);
    }

    /** A copy that does (or does not) install the table-miss entry at handshake. */
    public ControllerConfig withTableMiss(boolean install) {
        return new ControllerConfig(host, port, apps, echoInterval, echoTimeout, handshakeTimeout, requestTimeout,
                missSendLength, install, ioThreads, rest, appConfigs, limits);
    }

    /** A copy with this many I/O threads (0: one per CPU core). */
    public ControllerConfig withIoThreads(int threads) {
        return new ControllerConfig(host, port, apps, echoInterval, echoTimeout, handshakeTimeout, requestTimeout,
                missSendLength, installTableMiss, threads, rest, appConfigs, limits);
    }

    /** Serves the REST API as {@code rest} says ({@link RestConfig#on}, {@link RestConfig#off()}). */
    public ControllerConfig withRest(RestConfig rest) {
        return new ControllerConfig(host, port, apps, echoInterval, echoTimeout, handshakeTimeout, requestTimeout,
                missSendLength, installTableMiss, ioThreads, rest, appConfigs, limits);
    }

    /** Gives the app {@code appId} its configuration file (YAML or JSON). */
    public ControllerConfig withAppConfig(String appId, Path file) {
        Map<String, Path> configs = new HashMap<>(appConfigs);
        configs.put(Objects.requireNonNull(appId, "appId"), Objects.requireNonNull(file, "file"));
        return new ControllerConfig(host, port, apps, echoInterval, echoTimeout, handshakeTimeout, requestTimeout,
                missSendLength, installTableMiss, ioThreads, rest, configs, limits);
    }

    /** A copy with these connection limits. */
    public ControllerConfig withLimits(ConnectionLimits limits) {
        return new ControllerConfig(host, port, apps, echoInterval, echoTimeout, handshakeTimeout, requestTimeout,
                missSendLength, installTableMiss, ioThreads, rest, appConfigs, limits);
    }
}
