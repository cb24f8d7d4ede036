package dev.flowlab.lab.traffic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Every host pings every other host once, as Mininet's {@code pingall} does, but in parallel: one
 * shell per source host pings its destinations in batches, several sources at a time.
 */
public final class PingAll {
    /** Sources pinging at the same time. Modest: the switches and the controller share the same cores. */
    private static final int PARALLEL_SOURCES = 2;
    /** Destinations one source pings at the same time. */
    private static final int BATCH = 8;
    /** Seconds ping waits for a reply: enough for ARP plus a reactive controller's first flow set-up. */
    private static final int WAIT_SECONDS = 3;

    private PingAll() {
    }

    /** Pings every ordered pair; {@code progress} hears the number of sources finished. */
    public static PingMatrix run(List<LabHost> hosts, IntConsumer progress) throws InterruptedException {
        PingMatrix matrix = new PingMatrix(hosts.stream().map(LabHost::name).toList());
        AtomicInteger sourcesDone = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL_SOURCES, Math.max(1, hosts.size())));
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (LabHost source : hosts) {
                jobs.add(pool.submit(() -> {
                    pingFrom(source, hosts, matrix);
                    progress.accept(sourcesDone.incrementAndGet());
                    return null;
                }));
            }
            for (Future<?> job : jobs) {
                job.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("pingall failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return matrix;
    }

    private static void pingFrom(LabHost source, List<LabHost> hosts, PingMatrix matrix) throws Exception {
        List<LabHost> destinations = hosts.stream().filter(h -> h != source).toList();
        if (destinations.isEmpty()) {
            return;
        }
        Netns.Result r = Netns.run(source.namespace(), Duration.ofSeconds(30L + destinations.size()),
                List.of("sh", "-c", script(destinations)));
        for (String line : r.output().split("\n")) {
            String[] parts = line.trim().split(" ", 3);
            if (parts.length >= 2 && (parts[0].equals("ok") || parts[0].equals("no"))) {
                destinations.stream().filter(d -> d.ip().equals(parts[1])).findFirst()
                        .ifPresent(d -> matrix.record(source.name(), d.name(), parts[0].equals("ok")));
                if (parts[0].equals("no") && parts.length == 3 && !parts[2].isBlank()) {
                    matrix.noteError(parts[2].strip());
                }
            }
        }
    }

    /**
     * A POSIX sh loop: ping each address in the background, {@value #BATCH} at a time, print
     * {@code ok IP} or {@code no IP [error]} per address (the error when ping printed one, e.g.
     * "connect: Network is unreachable", rather than just getting no reply).
     */
    static String script(List<LabHost> destinations) {
        StringBuilder ips = new StringBuilder();
        destinations.forEach(d -> ips.append(' ').append(d.ip()));
        return "n=0; for ip in" + ips + "; do"
                + " (if out=$(ping -c1 -W" + WAIT_SECONDS + " $ip 2>&1); then echo ok $ip;"
                + " else echo no $ip $(echo \"$out\" | grep -i -m1 -e unreachable -e 'not found' -e denied); fi) &"
                + " n=$((n+1)); if [ $n -ge " + BATCH + " ]; then wait; n=0; fi;"
                + " done; wait";
    }
}
