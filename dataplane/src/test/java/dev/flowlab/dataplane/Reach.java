package dev.flowlab.dataplane;

import java.time.Duration;

/** Ping checks for system tests: a reply within a deadline (the first frames of a new network may be slow), or none. */
final class Reach {
    private Reach() {
    }

    /** Pings (one echo at a time) until a reply comes or 15 s pass; fails the test without a reply. */
    static void assertReaches(NamespaceHost from, String target) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        ExecResult last;
        do {
            last = from.exec(Duration.ofSeconds(10), "ping", "-c1", "-W2", target);
            if (last.ok()) {
                return;
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError(from.name() + " does not reach " + target + ": " + last.stdout() + last.stderr());
    }

    /** Two echo requests, two seconds for replies: none may come back. Call after a positive check in the same network. */
    static void assertDoesNotReach(NamespaceHost from, String target) {
        ExecResult r = from.exec(Duration.ofSeconds(10), "ping", "-c2", "-W2", target);
        if (r.ok()) {
            throw new AssertionError(from.name() + " reaches " + target + " but must not: " + r.stdout());
        }
    }
}
