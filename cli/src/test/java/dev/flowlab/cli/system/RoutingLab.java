package dev.flowlab.cli.system;

import dev.flowlab.controller.Controller;
import dev.flowlab.controller.ControllerConfig;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.dataplane.FailMode;
import dev.flowlab.dataplane.Network;
import dev.flowlab.dataplane.NetworkOptions;
import dev.flowlab.topologies.Link;
import dev.flowlab.topologies.Topology;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.projectfloodlight.openflow.types.OFPort;

/**
 * The embedded controller running {@code routing} and a real network of OVS bridges in secure
 * fail-mode, ready for traffic: every switch connected with all its ports, every inter-switch link
 * discovered. Closing tears down the network, then the controller.
 */
final class RoutingLab implements AutoCloseable {
    private static final Duration READY = Duration.ofSeconds(90);

    final Controller controller;
    final Network net;
    final Topology topology;

    RoutingLab(Topology topology, String prefix) {
        this.topology = topology;
        this.controller = Controller.start(ControllerConfig.of(List.of("routing")).withListen("127.0.0.1", 0));
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
        List<Long> dpids = topology.switches().stream().map(dev.flowlab.topologies.Switch::dpid).toList();
        if (!controller.awaitSwitches(dpids, READY)) {
            throw new AssertionError("switches did not connect within " + READY);
        }
        until("every switch reports every port", () -> topology.switches().stream().allMatch(this::hasAllPorts));
        long cables = topology.links().stream()
                .filter(l -> topology.switchNamed(l.nodeA()).isPresent() && topology.switchNamed(l.nodeB()).isPresent()).count();
        until("link discovery finds " + 2 * cables + " links", () -> controller.topology().links().size() == 2 * cables);
    }

    private boolean hasAllPorts(dev.flowlab.topologies.Switch s) {
        Switch sw = controller.switchById(s.dpid()).orElse(null);
        return sw != null && topology.linksOf(s.name()).stream().allMatch(l -> sw.port(OFPort.of(l.portOf(s.name()))).isPresent());
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

    @Override
    public void close() {
        try {
            net.close();
        } finally {
            controller.close();
        }
    }
}
