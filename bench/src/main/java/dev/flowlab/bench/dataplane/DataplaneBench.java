package dev.flowlab.bench.dataplane;

import dev.flowlab.dataplane.NamespaceHost;
import dev.flowlab.dataplane.Network;
import dev.flowlab.dataplane.NetworkOptions;
import dev.flowlab.topologies.Topologies;
import dev.flowlab.topologies.Topology;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Benchmark (not a test): wall time to build a network until its first and last hosts ping each other,
 * and to tear it down, for {@code linear,N} and a tree, plus memory used per host. Prints a table.
 *
 * <pre>java -cp flowlab.jar dev.flowlab.bench.dataplane.DataplaneBench [PREFIX] [SPEC...]</pre>
 * SPEC is {@code linear,N} or {@code tree,D,F}; default: linear,10 linear,100 linear,500 linear,1000 tree,3,10.
 */
public final class DataplaneBench {
    private DataplaneBench() {
    }

    public static void main(String[] args) throws Exception {
        String prefix = args.length > 0 ? args[0] : "dpb";
        List<String> specs = args.length > 1 ? List.of(args).subList(1, args.length)
                : List.of("linear,10", "linear,100", "linear,500", "linear,1000", "tree,3,10");
        System.out.printf("%-12s %6s %9s %9s %12s %10s %12s%n", "topology", "hosts", "build s", "ping s",
                "build+ping s", "teardown s", "KiB/host");
        for (String spec : specs) {
            System.out.println(measure(spec, parse(spec), prefix));
        }
    }

    static Topology parse(String spec) {
        String[] p = spec.split(",");
        return switch (p[0]) {
            case "linear" -> Topologies.linear(Integer.parseInt(p[1]));
            case "tree" -> Topologies.tree(Integer.parseInt(p[1]), Integer.parseInt(p[2]));
            case "single" -> Topologies.single(Integer.parseInt(p[1]));
            default -> throw new IllegalArgumentException("spec " + spec + ": use linear,N or tree,D,F or single,N");
        };
    }

    static String measure(String spec, Topology topology, String prefix) {
        System.gc();
        long memBefore = memUsedKib();
        long t0 = System.nanoTime();
        double build;
        double ping;
        long memAfter;
        try (Network net = Network.start(topology, NetworkOptions.builder().namePrefix(prefix).build())) {
            build = seconds(t0);
            List<NamespaceHost> hosts = net.hosts();
            ping = awaitPing(hosts.get(0), hosts.get(hosts.size() - 1)) ? seconds(t0) - build : Double.NaN;
            memAfter = memUsedKib();
            t0 = System.nanoTime();
        }
        double teardown = seconds(t0);
        double perHost = (memAfter - memBefore) / (double) topology.hosts().size();
        return String.format("%-12s %6d %9.2f %9.2f %12.2f %10.2f %12.0f", spec, topology.hosts().size(),
                build, ping, build + ping, teardown, perHost);
    }

    /**
     * Pings until the echo comes back (the first one also waits for ARP and MAC learning). A reply may
     * take up to 10 s: on the userspace datapath every switch hop is one pass of ovs-vswitchd's main
     * loop, so across a long chain of switches one round trip takes seconds. Gives up after 120 s.
     */
    private static boolean awaitPing(NamespaceHost from, NamespaceHost to) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
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
