package dev.flowlab.dataplane;

import dev.flowlab.topologies.Host;
import dev.flowlab.topologies.Topology;
import dev.flowlab.topologies.Tunnel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Everything beyond one veth per host, hooked into the build: pre-flight checks (kernel features, free
 * names), then, once namespaces and veths exist, TAP and tunnel devices, host aliases, VLAN sub-interfaces,
 * NAT gateways, tunnel MTUs and host identities; and the OVS arguments for VLAN roles and extra ports.
 * A topology that uses none of it costs nothing here.
 */
final class OptionalFeatures {
    private static final int THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());

    private OptionalFeatures() {
    }

    /** Fails with one line, before anything is built, when this machine cannot build what the topology asks. */
    static void check(Topology t) {
        if (VlanSetup.hostsTag(t, false)) {
            KernelFeatures.VLAN_8021Q.require("host " + firstHost(t, h -> h.vlans().stream().anyMatch(v -> v.outer() == null)));
        }
        if (VlanSetup.hostsTag(t, true)) {
            KernelFeatures.VLAN_8021AD.require("host " + firstHost(t, h -> h.vlans().stream().anyMatch(v -> v.outer() != null)));
        }
        t.hosts().stream().filter(h -> h.nat() != null).findFirst()
                .ifPresent(h -> KernelFeatures.NAT.require("host " + h.name()));
        if (!t.taps().isEmpty()) {
            KernelFeatures.TUN.require(t.taps().get(0).label());
        }
        for (Tunnel tunnel : t.tunnels()) {
            (tunnel.type() == Tunnel.Type.VXLAN ? KernelFeatures.VXLAN : KernelFeatures.GRE).require(tunnel.label());
            String underlay = tunnel.underlayNamespace();
            if (underlay != null && !Files.exists(Path.of(InNamespace.DIR, underlay))) {
                throw new DataplaneException(tunnel.label() + ": underlay network namespace " + underlay + " does not "
                        + "exist: create it (ip netns add " + underlay + ") with the underlay address, or leave "
                        + "underlay_netns out to use this machine's own network");
            }
        }
        if (t.identity().isPresent()) {
            KernelFeatures.UTS.require("identity");
            HostIdentity.checkFree(t.hosts().stream().map(Host::name).toList());
        }
    }

    /** Root-namespace devices the run will own besides veth ends: TAP and tunnel devices. */
    static List<String> rootDevices(Topology t) {
        List<String> names = new ArrayList<>(TapPorts.deviceNames(t));
        names.addAll(TunnelLinks.deviceNames(t));
        return names;
    }

    /** Hosts whose identity (UTS namespace, /etc/netns directory) the run will own. */
    static List<String> identities(Topology t) {
        return t.identity().isPresent() ? t.hosts().stream().map(Host::name).toList() : List.of();
    }

    /** ovs-vsctl arguments for the bridge transaction: VLAN roles of ports, TAP and tunnel ports. */
    static List<String> ovsArgs(Topology t) {
        List<String> argv = new ArrayList<>(VlanSetup.ovsArgs(t));
        argv.addAll(TapPorts.ovsArgs(t));
        argv.addAll(TunnelLinks.ovsArgs(t));
        return argv;
    }

    /** Builds the extras once namespaces and veths exist (hosts not yet configured, bridges not yet made). */
    static void build(Topology t, NetworkOptions options, int group, String runId, OwnershipJournal journal) {
        Duration timeout = options.timeout();
        List<String> rootLines = new ArrayList<>(TapPorts.creationLines(t, group));
        rootLines.addAll(VlanSetup.trunkMtuLines(t));
        Map<String, List<String>> tunnels = TunnelLinks.creationLines(t, group);
        rootLines.addAll(tunnels.getOrDefault(null, List.of()));
        batch(null, rootLines, timeout);
        tunnels.forEach((underlay, lines) -> {
            if (underlay != null) {
                batch(underlay, lines, timeout);
            }
        });
        try (Rtnetlink nl = new Rtnetlink()) {
            for (String device : rootDevices(t)) {
                HostSetup.disableIpv6(device);   // before it comes up: no IPv6 chatter into the bridge
                nl.setUp(device, true);
            }
        }
        Integer mtu = TunnelLinks.hostMtu(t);
        List<Host> hosts = t.hosts().stream()
                .filter(h -> mtu != null || !h.aliases().isEmpty() || !h.vlans().isEmpty() || h.nat() != null).toList();
        inParallel(hosts, h -> {
            List<String> lines = new ArrayList<>();
            if (mtu != null) {
                t.linksOf(h.name()).forEach(l -> lines.add("link set dev "
                        + Topology.interfaceName(h.name(), l.portOf(h.name())) + " mtu " + mtu));
            }
            lines.addAll(IpAliases.hostLines(h));
            lines.addAll(VlanSetup.hostLines(h));
            if (h.nat() != null) {
                lines.addAll(NatNode.hostLines(t, h));
            }
            batch(h.name(), lines, timeout);
            if (h.nat() != null) {
                NatNode.enable(t, h, timeout);
            }
        });
        if (t.identity().isPresent()) {
            HostIdentity.create(t, options.namePrefix(), runId, journal);
        }
    }

    private static void batch(String namespace, List<String> lines, Duration timeout) {
        if (lines.isEmpty()) {
            return;
        }
        List<String> argv = new ArrayList<>(List.of(Tools.path("ip")));
        if (namespace != null) {
            argv.addAll(List.of("-n", namespace));
        }
        argv.addAll(List.of("-batch", "-"));
        ProcessRunner.check(argv, String.join("\n", lines) + "\n", timeout);
    }

    private static void inParallel(List<Host> hosts, Consumer<Host> work) {
        if (hosts.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(THREADS, hosts.size()), r -> {
            Thread th = new Thread(r, "flowlab-host-extras");
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            hosts.forEach(h -> futures.add(pool.submit(() -> work.accept(h))));
            for (int i = 0; i < futures.size(); i++) {
                try {
                    futures.get(i).get();
                } catch (ExecutionException e) {
                    throw new DataplaneException("host " + hosts.get(i).name() + ": " + e.getCause().getMessage(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DataplaneException("interrupted while configuring hosts");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String firstHost(Topology t, java.util.function.Predicate<Host> p) {
        return t.hosts().stream().filter(p).map(Host::name).findFirst().orElse("?");
    }
}
