package dev.flowlab.cli;

import dev.flowlab.cli.output.Step;
import dev.flowlab.controller.Controller;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.topologies.Link;
import dev.flowlab.topologies.Topology;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.projectfloodlight.openflow.protocol.OFPortDesc;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.OFPort;

/**
 * Decides when a network is ready for traffic. With flowlab's controller: every switch finished its
 * handshake and shows every port of the topology (the userspace datapath attaches ports some time
 * after the bridge exists; a port the switch does not report yet drops traffic), and link discovery
 * found every inter-switch link (until then an app such as routing takes a link's port for a host's,
 * and its broadcast tree is not yet a tree). With an external
 * controller only OVS can tell, and more slowly: its {@code is_connected}.
 */
final class Readiness {
    private static final long POLL_MILLIS = 50;

    private Readiness() {
    }

    static void awaitController(Controller controller, Topology topology, Duration timeout, Step step) {
        List<DatapathId> dpids = topology.switches().stream().map(s -> DatapathId.of(s.dpid())).toList();
        if (!controller.awaitSwitches(dpids, timeout)) {
            List<DatapathId> missing = dpids.stream().filter(d -> controller.switchById(d).isEmpty()).toList();
            throw new IllegalStateException(missing.size() + " of " + dpids.size() + " switches did not connect to the"
                    + " controller within " + timeout.toSeconds() + " s (dpids " + missing
                    + "): see FLOWLAB_LOG=info output and ovs-vsctl list controller");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        int expected = topology.switches().stream().mapToInt(s -> topology.linksOf(s.name()).size()).sum();
        while (true) {
            List<String> waiting = topology.switches().stream()
                    .filter(s -> !hasAllPorts(controller, topology, s)).map(dev.flowlab.topologies.Switch::name).toList();
            if (waiting.isEmpty()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("switches " + waiting + " still miss ports after " + timeout.toSeconds()
                        + " s: see ovs-vsctl show and /var/log/openvswitch/ovs-vswitchd.log");
            }
            step.progress("connected; waiting for the ports of " + waiting.size() + " switches (" + expected + " ports)");
            sleep(POLL_MILLIS);
        }
        awaitLinks(controller, topology, deadline, timeout, step);
    }

    private static void awaitLinks(Controller controller, Topology topology, long deadline, Duration timeout, Step step) {
        Set<dev.flowlab.controller.api.Link> expected = switchLinks(topology);
        while (!controller.topology().links().containsAll(expected)) {
            if (System.nanoTime() > deadline) {
                Set<dev.flowlab.controller.api.Link> missing = new HashSet<>(expected);
                missing.removeAll(controller.topology().links());
                throw new IllegalStateException(missing.size() + " of " + expected.size() + " inter-switch links were not"
                        + " discovered within " + timeout.toSeconds() + " s (for example " + missing.iterator().next()
                        + "): see FLOWLAB_LOG=info output");
            }
            step.progress("connected; discovering links (" + controller.topology().links().size() + " of "
                    + expected.size() + ")");
            sleep(POLL_MILLIS);
        }
    }

    /** Both directions of every switch-to-switch link, as LLDP finds them. */
    private static Set<dev.flowlab.controller.api.Link> switchLinks(Topology topology) {
        Set<dev.flowlab.controller.api.Link> links = new HashSet<>();
        for (Link l : topology.links()) {
            var a = topology.switchNamed(l.nodeA());
            var b = topology.switchNamed(l.nodeB());
            if (a.isPresent() && b.isPresent()) {
                var link = new dev.flowlab.controller.api.Link(DatapathId.of(a.get().dpid()), OFPort.of(l.portA()),
                        DatapathId.of(b.get().dpid()), OFPort.of(l.portB()));
                links.add(link);
                links.add(link.reversed());
            }
        }
        return links;
    }

    static void awaitOvs(List<String> bridges, String target, Duration timeout, Step step) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Ovs.allConnected(bridges)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("switches did not connect to " + target + " within "
                        + timeout.toSeconds() + " s: is the controller running and listening there?");
            }
            step.progress("waiting for OVS to connect to " + target);
            sleep(POLL_MILLIS * 2);
        }
    }

    private static boolean hasAllPorts(Controller controller, Topology topology, dev.flowlab.topologies.Switch s) {
        Switch sw = controller.switchById(DatapathId.of(s.dpid())).orElse(null);
        if (sw == null) {
            return false;
        }
        Set<Integer> reported = sw.ports().stream().map(OFPortDesc::getPortNo).map(p -> p.getPortNumber())
                .collect(Collectors.toSet());
        for (Link l : topology.linksOf(s.name())) {
            int port = l.nodeA().equals(s.name()) ? l.portA() : l.portB();
            if (!reported.contains(port)) {
                return false;
            }
        }
        return true;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the switches", e);
        }
    }
}
