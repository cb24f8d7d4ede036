package dev.flowlab.dataplane;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs pings between hosts with the real {@code ping} (iputils), several at a time. */
final class Pinger {
    private static final Pattern RTT = Pattern.compile("= [\\d.]+/([\\d.]+)/");
    private static final int PARALLEL = 8;

    private Pinger() {
    }

    static PingResult pingAll(List<NamespaceHost> hosts) {
        Tools.require("ping");
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL, r -> {
            Thread t = new Thread(r, "flowlab-ping");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<PingResult.Outcome>> pending = new ArrayList<>();
            for (NamespaceHost from : hosts) {
                for (NamespaceHost to : hosts) {
                    if (from != to) {
                        pending.add(pool.submit(() -> ping(from, to)));
                    }
                }
            }
            List<PingResult.Outcome> outcomes = new ArrayList<>();
            for (Future<PingResult.Outcome> f : pending) {
                outcomes.add(f.get());
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

    /** One echo request with a 1 s deadline for the reply, as Mininet's pingall sends. */
    static PingResult.Outcome ping(NamespaceHost from, NamespaceHost to) {
        ExecResult r = from.exec(Duration.ofSeconds(10), Tools.path("ping"), "-c1", "-W1", "-q", to.ip());
        Matcher m = RTT.matcher(r.stdout());
        return new PingResult.Outcome(from.name(), to.name(), r.ok(), r.ok() && m.find() ? Double.parseDouble(m.group(1)) : -1);
    }
}
