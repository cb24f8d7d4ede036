package dev.flowlab.dataplane;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Mininet's pingall: one ICMP echo per ordered host pair, each allowed 1 s for its reply (ping -W1).
 * Each source host pings the others in turn from inside its namespace ({@link IcmpEcho}); a few
 * sources run at the same time.
 */
final class Pinger {
    private static final int PARALLEL_SOURCES = 4;
    private static final Duration REPLY_WAIT = Duration.ofSeconds(1);

    private Pinger() {
    }

    static PingResult pingAll(List<NamespaceHost> hosts) {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_SOURCES, r -> {
            Thread t = new Thread(r, "flowlab-ping");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<List<PingResult.Outcome>>> pending = new ArrayList<>();
            for (NamespaceHost from : hosts) {
                List<NamespaceHost> targets = hosts.stream().filter(h -> h != from).toList();
                pending.add(pool.submit(() -> pingFrom(from, targets)));
            }
            List<PingResult.Outcome> outcomes = new ArrayList<>();
            for (Future<List<PingResult.Outcome>> f : pending) {
                outcomes.addAll(f.get());
            }
            return new PingResult(outcomes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataplaneException("pingall interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new DataplaneException("pingall: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<PingResult.Outcome> pingFrom(NamespaceHost from, List<NamespaceHost> targets) {
        double[] rtt = IcmpEcho.ping(from.name(), targets.stream().map(NamespaceHost::ip).toList(), REPLY_WAIT);
        List<PingResult.Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            outcomes.add(new PingResult.Outcome(from.name(), targets.get(i).name(), rtt[i] >= 0, rtt[i]));
        }
        return outcomes;
    }
}
