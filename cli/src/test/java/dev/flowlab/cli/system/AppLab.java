package dev.flowlab.cli.system;

import dev.flowlab.topologies.Link;
import java.util.function.BooleanSupplier;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowlab.controller.Controller;
import dev.flowlab.controller.ControllerConfig;
import dev.flowlab.controller.RestAccess;
import dev.flowlab.controller.RestConfig;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.dataplane.FailMode;
import dev.flowlab.dataplane.NamespaceHost;
import dev.flowlab.dataplane.Network;
import dev.flowlab.dataplane.NetworkOptions;
import dev.flowlab.topologies.Topology;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.OFPort;

/**
 * The embedded controller with the given apps, app config files and its REST API on a free port,
 * and a real network of OVS bridges in secure fail-mode, ready: every switch connected with all its
 * ports, every inter-switch link discovered. Closing tears down the network, then the controller.
 */
final class AppLab implements AutoCloseable {
    private static final Duration READY = Duration.ofSeconds(90);

    /** An HTTP answer: status and JSON body. */
    record Answer(int status, JsonNode json) {
    }

    final Controller controller;
    final Network net;
    final Topology topology;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    AppLab(Topology topology, String prefix, ControllerConfig config) {
        this.topology = topology;
        this.controller = Controller.start(config.toBuilder().listen("127.0.0.1", 0).rest(RestConfig.on("127.0.0.1", 0)).build());
        Network started = null;
        try {
            started = Network.start(topology, NetworkOptions.builder()
                    .failMode(FailMode.SECURE)
                    .controller("127.0.0.1", controller.address().getPort())
                    .namePrefix(prefix)
                    .build());
            this.net = started;
            awaitReady();
        } catch (RuntimeException | Error e) {
            if (started != null) {
                started.close();
            }
            controller.close();
            throw e;
        }
    }

    private void awaitReady() {
        List<DatapathId> dpids = topology.switches().stream().map(s -> DatapathId.of(s.dpid())).toList();
        if (!controller.awaitSwitches(dpids, READY)) {
            throw new AssertionError("switches did not connect within " + READY);
        }
        until("every switch reports every port", () -> topology.switches().stream().allMatch(this::hasAllPorts));
        long cables = cablesBetweenSwitches(topology);
        until("link discovery finds " + 2 * cables + " links", () -> controller.topology().links().size() == 2 * cables);
    }

    static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + READY.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + READY.toSeconds() + " s waiting until " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what, e);
            }
        }
    }

    static long cablesBetweenSwitches(Topology t) {
        return t.links().stream().filter((Link l) -> t.switchNamed(l.nodeA()).isPresent()
                && t.switchNamed(l.nodeB()).isPresent()).count();
    }

    private boolean hasAllPorts(dev.flowlab.topologies.Switch s) {
        Switch sw = controller.switchById(DatapathId.of(s.dpid())).orElse(null);
        return sw != null && topology.linksOf(s.name()).stream().allMatch(l -> sw.port(OFPort.of(l.portOf(s.name()))).isPresent());
    }

    NamespaceHost host(String name) {
        return net.host(name);
    }

    Answer get(String path) {
        return send(request(path).GET());
    }

    Answer post(String path, String body) {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer delete(String path) {
        return send(request(path).DELETE());
    }

    private HttpRequest.Builder request(String path) {
        RestAccess rest = controller.restAccess().orElseThrow();
        return HttpRequest.newBuilder(URI.create(rest.baseUrl() + path)).header("Authorization", rest.authorization())
                .timeout(Duration.ofSeconds(20));
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body().isBlank() ? null : json.readTree(r.body()));
        } catch (IOException e) {
            throw new AssertionError("REST request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** {@code ovs-ofctl -O OpenFlow13 dump-flows} of a switch (name without the prefix). */
    String dumpFlows(String switchName) {
        return SystemTests.must("ovs-ofctl", "-O", "OpenFlow13", "dump-flows", net.bridge(switchName).name());
    }

    @Override
    public void close() {
        try {
            net.close();
        } finally {
            controller.close();
        }
    }
}
