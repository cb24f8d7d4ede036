package dev.flowlab.bench.dataplane;

import dev.flowlab.dataplane.NamespaceHost;
import dev.flowlab.dataplane.Network;
import dev.flowlab.dataplane.NetworkOptions;
import dev.flowlab.topologies.Topology;
import dev.flowlab.topologies.TopologySpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * flowlab's side of the dataplane bench: builds a topology with standalone switches (no controller,
 * like the Mininet side), pings from the first host to the last until it answers, tears down.
 */
final class FlowlabRun {
    private static final Duration PING_LIMIT = Duration.ofSeconds(120);

    private FlowlabRun() {
    }

    static DataplaneRun measure(String spec, String prefix) {
        Topology topology = TopologySpec.parse(spec);
        String load = MachineFacts.load();
        System.gc();
        long memBefore = memUsedKib();
        long t0 = System.nanoTime();
        double build;
        double ping;
        long memAfter;
        Network net = Network.start(topology, NetworkOptions.builder().namePrefix(prefix).build());
        try {
            build = seconds(t0);
            List<NamespaceHost> hosts = net.hosts();
            long p0 = System.nanoTime();
            ping = awaitPing(hosts.get(0), hosts.get(hosts.size() - 1)) ? seconds(p0) : Double.NaN;
            memAfter = memUsedKib();
        } finally {
            t0 = System.nanoTime();
            net.close();
        }
        double teardown = seconds(t0);
        int hosts = topology.hosts().size();
        return new DataplaneRun("flowlab", spec, hosts, build, ping, teardown, (memAfter - memBefore) / (double) hosts, load);
    }

    /**
     * Pings until the echo comes back (the first one also waits for ARP and MAC learning). A reply may
     * take up to 10 s: on the userspace datapath every switch hop is one pass of ovs-vswitchd's main
     * loop, so across a long chain one round trip takes seconds. Gives up after {@link #PING_LIMIT}.
     */
    private static boolean awaitPing(NamespaceHost from, NamespaceHost to) {
        long deadline = System.nanoTime() + PING_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (from.exec(Duration.ofSeconds(30), "ping", "-c1", "-W10", to.ip()).ok()) {
                return true;
            }
        }
        return false;
    }

    /** Memory in use on the machine (MemTotal - MemAvailable), KiB: kernel objects, OVS and this JVM. */
    static long memUsedKib() {
        try {
            long total = 0;
            long available = 0;
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                String[] f = line.split("\\s+");
                if (f[0].equals("MemTotal:")) {
                    total = Long.parseLong(f[1]);
                } else if (f[0].equals("MemAvailable:")) {
                    available = Long.parseLong(f[1]);
                }
            }
            return total - available;
        } catch (IOException e) {
            return 0;
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
