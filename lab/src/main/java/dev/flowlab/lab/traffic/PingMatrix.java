package dev.flowlab.lab.traffic;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Which host reached which in a pingall: one cell per ordered pair of distinct hosts. */
public final class PingMatrix {
    private final List<String> hosts;
    private final boolean[][] reached;
    private volatile String firstError;

    /** An ordered pair that did not get its echo reply. */
    public record Pair(String source, String destination) {
    }

    public PingMatrix(List<String> hosts) {
        this.hosts = List.copyOf(hosts);
        this.reached = new boolean[hosts.size()][hosts.size()];
    }

    public List<String> hosts() {
        return hosts;
    }

    public synchronized void record(String source, String destination, boolean ok) {
        reached[indexOf(source)][indexOf(destination)] = ok;
    }

    /** Keeps the first error ping printed (not a mere timeout), to tell the user why pairs failed. */
    public void noteError(String error) {
        if (firstError == null) {
            firstError = error;
        }
    }

    /** What ping said when it failed with an error rather than a timeout, if it ever did. */
    public java.util.Optional<String> firstError() {
        return java.util.Optional.ofNullable(firstError);
    }

    public synchronized boolean reached(String source, String destination) {
        return reached[indexOf(source)][indexOf(destination)];
    }

    /** Ordered pairs of distinct hosts: n * (n - 1). */
    public int pairs() {
        return hosts.size() * (hosts.size() - 1);
    }

    public synchronized int received() {
        int n = 0;
        for (int s = 0; s < hosts.size(); s++) {
            for (int d = 0; d < hosts.size(); d++) {
                if (s != d && reached[s][d]) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Percentage of pairs without a reply, 0 when every pair answered (and for fewer than two hosts). */
    public double lossPercent() {
        return pairs() == 0 ? 0 : 100.0 * (pairs() - received()) / pairs();
    }

    public boolean allReached() {
        return received() == pairs();
    }

    public synchronized List<Pair> failures() {
        List<Pair> failed = new ArrayList<>();
        for (int s = 0; s < hosts.size(); s++) {
            for (int d = 0; d < hosts.size(); d++) {
                if (s != d && !reached[s][d]) {
                    failed.add(new Pair(hosts.get(s), hosts.get(d)));
                }
            }
        }
        return failed;
    }

    private int indexOf(String host) {
        int i = hosts.indexOf(Objects.requireNonNull(host));
        if (i < 0) {
            throw new IllegalArgumentException("host " + host + " is not part of this pingall");
        }
        return i;
    }
}
