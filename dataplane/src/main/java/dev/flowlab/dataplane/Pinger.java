package dev.flowlab.dataplane;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Mininet's pingall: one ICMP echo per ordered host pair. Each source host pings the others from
 * inside its namespace ({@link IcmpEcho}, no process per pair); a few sources run at the same time.
 */
final class Pinger {
    /** Sources pinging at the same time: modest, the switches and the controller share the same cores. */
    private static final int PARALLEL_SOURCES = 4;

    private Pinger() {
    }

    /**
     * @param wait        how long each ping waits for its reply
     * @param sourcesDone hears the number of sources finished so far (for progress)
     */
    static PingResult ping(List<NamespaceHost> hosts, Duration wait, IntConsumer sourcesDone) {
        if (wait.isNegative() || wait.isZero()) {
            throw new IllegalArgumentException("ping wait must be positive, not " + wait);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(PARALLEL_SOURCES, hosts.size())), r -> {
            Thread t = new Thread(r, "flowlab-ping");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<List<PingResult.Outcome>>> pending = new ArrayList<>();
            for (NamespaceHost from : hosts) {
                List<NamespaceHost> targets = hosts.stream().filter(h -> h != from).toList();
                pending.add(pool.submit(() -> {
                    List<PingResult.Outcome> outcomes = pingFrom(from, targets, wait);
                    sourcesDone.accept(done.incrementAndGet());
                    return outcomes;
                }));
            }
            List<PingResult.Outcome> outcomes = new ArrayList<>();
            for (Future<List<PingResult.Outcome>> f : pending) {
                outcomes.addAll(f.get());
            }
            return new PingResult(hosts.stream().map(NamespaceHost::name).toList(), wait, outcomes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataplaneException("ping interrupted");
        } catch (ExecutionException e) {
            throw new DataplaneException("ping: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<PingResult.Outcome> pingFrom(NamespaceHost from, List<NamespaceHost> targets, Duration wait) {
        IcmpEcho.Reply[] replies = IcmpEcho.ping(from.name(), targets.stream().map(NamespaceHost::ip).toList(), wait);
        List<PingResult.Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            outcomes.add(new PingResult.Outcome(from.name(), targets.get(i).name(), replies[i].rttMillis(),
                    replies[i].failure()));
        }
        return outcomes;
    }
}
