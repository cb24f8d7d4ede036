package dev.flowlab.controller;

import dev.flowlab.controller.api.App;
import dev.flowlab.controller.api.Link;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.api.TopologyService;
import dev.flowlab.controller.core.SwitchRegistry;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.projectfloodlight.openflow.protocol.OFPortDesc;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.OFPort;

/**
 * Waits until the controller sees an {@link ExpectedNetwork}, in four stages (switches, their ports,
 * the links between them, apps that say they are not ready yet), each reported to a progress listener and each failing with a one-line
 * reason that names what is still missing.
 */
final class ReadinessWait {
    private static final long POLL_MILLIS = 50;

    private final SwitchRegistry registry;
    private final TopologyService topology;
    private final List<App> apps;
    private final ExpectedNetwork expected;
    private final Duration timeout;
    private final Consumer<String> progress;
    private final long deadline;

    ReadinessWait(SwitchRegistry registry, TopologyService topology, List<App> apps, ExpectedNetwork expected,
                  Duration timeout, Consumer<String> progress) {
        this.registry = registry;
        this.apps = List.copyOf(apps);
        this.topology = topology;
        this.expected = expected;
        this.timeout = timeout;
        this.progress = progress;
        this.deadline = System.nanoTime() + timeout.toNanos();
    }

    void await() throws InterruptedException {
        awaitSwitches();
        awaitPorts();
        awaitLinks();
        awaitApps();
    }

    private void awaitSwitches() throws InterruptedException {
        Set<DatapathId> dpids = expected.switches();
        progress.accept("waiting for " + dpids.size() + " switches to connect");
        if (!registry.awaitAll(dpids, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
            List<DatapathId> missing = dpids.stream().filter(d -> registry.get(d).isEmpty()).sorted().toList();
            throw new NotReadyException(missing.size() + " of " + dpids.size() + " switches did not connect to the"
                    + " controller within " + timeout.toSeconds() + " s (dpids " + missing + ")");
        }
    }

    private void awaitPorts() throws InterruptedException {
        int total = expected.ports().values().stream().mapToInt(Set::size).sum();
        while (true) {
            List<DatapathId> waiting = expected.ports().keySet().stream().filter(d -> !hasAllPorts(d)).sorted().toList();
            if (waiting.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                DatapathId first = waiting.get(0);
                throw new NotReadyException(waiting.size() + " switches still miss ports after " + timeout.toSeconds()
                        + " s (dpid " + first + " misses ports " + missingPorts(first) + ")");
            }
            progress.accept("connected; waiting for the ports of " + waiting.size() + " switches (" + total + " ports)");
            Thread.sleep(POLL_MILLIS);
        }
    }

    private void awaitLinks() throws InterruptedException {
        while (!topology.links().containsAll(expected.links())) {
            if (System.nanoTime() > deadline) {
                Set<Link> missing = new HashSet<>(expected.links());
                missing.removeAll(topology.links());
                throw new NotReadyException(missing.size() + " of " + expected.links().size() + " inter-switch links"
                        + " were not discovered within " + timeout.toSeconds() + " s (for example "
                        + missing.iterator().next() + ")");
            }
            progress.accept("connected; discovering links (" + topology.links().size() + " of "
                    + expected.links().size() + ")");
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** Apps that hold traffic back for a while of their own (stp holds new ports until discovery had its chance). */
    private void awaitApps() throws InterruptedException {
        while (true) {
            Optional<String> waiting = apps.stream().map(App::notReady).flatMap(Optional::stream).findFirst();
            if (waiting.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new NotReadyException("an app was not ready within " + timeout.toSeconds() + " s: " + waiting.get());
            }
            progress.accept("links discovered; " + waiting.get());
            Thread.sleep(POLL_MILLIS);
        }
    }

    private boolean hasAllPorts(DatapathId dpid) {
        return missingPorts(dpid).isEmpty();
    }

    private Set<OFPort> missingPorts(DatapathId dpid) {
        Set<OFPort> missing = new HashSet<>(expected.ports().getOrDefault(dpid, Set.of()));
        registry.get(dpid).map(Switch::ports).ifPresent(reported ->
                missing.removeAll(reported.stream().map(OFPortDesc::getPortNo).collect(Collectors.toSet())));
        return missing;
    }
}
