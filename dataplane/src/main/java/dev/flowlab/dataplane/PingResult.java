package dev.flowlab.dataplane;

import java.util.List;

/**
 * The result of {@link Network#pingAll()}: one ping per ordered host pair, like Mininet's pingall.
 *
 * @param outcomes one entry per ordered pair (source, destination)
 */
public record PingResult(List<Outcome> outcomes) {
    /**
     * One ping.
     *
     * @param from      source host
     * @param to        destination host
     * @param received  whether the echo reply came back
     * @param rttMillis round-trip time, or -1 when lost
     */
    public record Outcome(String from, String to, boolean received, double rttMillis) {
    }

    public PingResult {
        outcomes = List.copyOf(outcomes);
    }

    /** Pings sent (ordered pairs). */
    public int sent() {
        return outcomes.size();
    }

    public int received() {
        return (int) outcomes.stream().filter(Outcome::received).count();
    }

    /** Pings without reply. */
    public int dropped() {
        return sent() - received();
    }

    /** Lost share in percent, 0 when nothing was sent. */
    public double lossPercent() {
        return sent() == 0 ? 0 : 100.0 * dropped() / sent();
    }

    /** The pairs that failed. */
    public List<Outcome> failures() {
        return outcomes.stream().filter(o -> !o.received()).toList();
    }

    /** Mininet's summary line: {@code Results: 0% dropped (12/12 received)}. */
    @Override
    public String toString() {
        return String.format("Results: %.0f%% dropped (%d/%d received)", lossPercent(), received(), sent());
    }
}
