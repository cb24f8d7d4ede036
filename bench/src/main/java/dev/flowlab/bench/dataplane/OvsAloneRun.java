package dev.flowlab.bench.dataplane;

import dev.flowlab.bench.controller.BenchException;
import dev.flowlab.dataplane.DataplaneException;
import dev.flowlab.dataplane.ProcessRunner;
import dev.flowlab.dataplane.RcuExpedited;
import dev.flowlab.topologies.Host;
import dev.flowlab.topologies.Link;
import dev.flowlab.topologies.Switch;
import dev.flowlab.topologies.Topology;
import dev.flowlab.topologies.TopologySpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The floor under any tool on this Open vSwitch: the topology's namespaces, bridges and veth ports made with
 * {@code ip -batch} and one {@code ovs-vsctl} transaction each, then deleted the way flowlab deletes them (one
 * {@code del-br} transaction, expedited RCU grace periods, timed until ovs-vswitchd has really removed every
 * bridge). No host is configured and nothing is pinged: what is left is the kernel's and ovs-vswitchd's own work.
 * Everything is named with its own prefix and removed in a {@code finally}, also when a step fails.
 */
final class OvsAloneRun {
    private static final Duration LIMIT = Duration.ofMinutes(5);

    private final String prefix;
    private final List<String> namespaces = new ArrayList<>();
    private final List<String> bridges = new ArrayList<>();
    /** The switch-side end of each veth (both ends of a switch-switch link), in the root namespace. */
    private final List<String> rootEnds = new ArrayList<>();
    private final StringBuilder veths = new StringBuilder();
    private final List<String> addPorts = new ArrayList<>();

    private OvsAloneRun(Topology topology, String prefix) {
        this.prefix = prefix;
        Set<String> hosts = topology.hosts().stream().map(Host::name).collect(Collectors.toSet());
        topology.hosts().forEach(h -> namespaces.add(prefix + h.name()));
        topology.switches().stream().map(Switch::name).forEach(s -> bridges.add(prefix + s));
        int n = 0;
        for (Link l : topology.links()) {
            n++;
            String a = end(l.nodeA(), l.portA(), n, "a", hosts);
            String b = end(l.nodeB(), l.portB(), n, "b", hosts);
            veths.append("link add ").append(a).append(" type veth peer name ").append(b).append('\n');
        }
    }

    /** One end's {@code ip link add} words; a switch's end is also queued for its bridge. */
    private String end(String node, int port, int link, String side, Set<String> hosts) {
        if (hosts.contains(node)) {
            return "eth" + port + " netns " + prefix + node;
        }
        String name = prefix + "v" + link + side;
        rootEnds.add(name);
        addPorts.addAll(List.of("--", "add-port", prefix + node, name));
        return name;
    }

    static DataplaneRun measure(String spec, String prefix) {
        Topology topology = TopologySpec.parse(spec);
        String load = MachineFacts.load();
        OvsAloneRun run = new OvsAloneRun(topology, prefix);
        long t0 = System.nanoTime();
        double build;
        try {
            run.build();
        } finally {
            build = seconds(t0);
            t0 = System.nanoTime();
            run.teardown();
        }
        return new DataplaneRun("ovs", spec, topology.hosts().size(), build, Double.NaN, seconds(t0), Double.NaN, load);
    }

    private void build() {
        ip(namespaces.stream().map(ns -> "netns add " + ns + "\n").collect(Collectors.joining()));
        List<String> addBridges = new ArrayList<>(List.of("ovs-vsctl", "--timeout=" + LIMIT.toSeconds()));
        for (String br : bridges) {
            addBridges.addAll(List.of("--", "add-br", br, "--", "set", "bridge", br, "datapath_type=netdev",
                    "fail_mode=standalone"));
        }
        ProcessRunner.check(addBridges, null, LIMIT);
        ip(veths.toString());
        ip(rootEnds.stream().map(e -> "link set " + e + " up\n").collect(Collectors.joining()));
        List<String> ports = new ArrayList<>(List.of("ovs-vsctl", "--timeout=" + LIMIT.toSeconds()));
        ports.addAll(addPorts);
        ProcessRunner.check(ports, null, LIMIT);
    }

    /** As flowlab's teardown: bridges in one transaction with expedited grace periods, then the kernel's side. */
    private void teardown() {
        List<String> present = bridges.stream().filter(OvsAloneRun::exists).toList();
        try (RcuExpedited.Hold expedited = RcuExpedited.machine().acquire()) {
            if (!present.isEmpty()) {
                List<String> delete = new ArrayList<>(List.of("ovs-vsctl", "--timeout=" + LIMIT.toSeconds()));
                present.forEach(br -> delete.addAll(List.of("--", "--if-exists", "del-br", br)));
                ProcessRunner.check(delete, null, LIMIT);
                awaitGone(present);   // ovs-vswitchd destroys them after the database says they are gone
            }
            ProcessRunner.run(List.of("ip", "-force", "-batch", "-"), namespaces.stream().filter(ns -> Files.exists(
                    Path.of("/run/netns", ns))).map(ns -> "netns del " + ns + "\n").collect(Collectors.joining()), LIMIT);
            ProcessRunner.run(List.of("ip", "-force", "-batch", "-"), rootEnds.stream().filter(OvsAloneRun::exists)
                    .map(e -> "link del " + e + "\n").collect(Collectors.joining()), LIMIT);
        }
    }

    private static void awaitGone(List<String> bridges) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (bridges.stream().anyMatch(OvsAloneRun::exists)) {
            if (System.nanoTime() > deadline) {
                throw new BenchException("ovs-vswitchd has not removed the bare bridges within " + LIMIT.toMinutes() + " minutes");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BenchException("interrupted while waiting for ovs-vswitchd");
            }
        }
    }

    /** {@code ip -force -batch}: every line is tried (a teardown removes what is there even when one line fails). */
    private static void ip(String batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            ProcessRunner.check(List.of("ip", "-force", "-batch", "-"), batch, LIMIT);
        } catch (DataplaneException e) {
            throw new BenchException("bare Open vSwitch run: " + e.getMessage());
        }
    }

    private static boolean exists(String device) {
        return Files.exists(Path.of("/sys/class/net", device));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
