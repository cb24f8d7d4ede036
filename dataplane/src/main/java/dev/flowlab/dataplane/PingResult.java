package dev.flowlab.dataplane;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of {@link Network#pingAll()} (or a ping between two hosts): one ping per ordered pair of
 * distinct hosts, like Mininet's pingall, each failure with its reason.
 *
 * @param hosts    the hosts that took part, in the order given (rows and columns of the matrix)
 * @param replyWait how long each ping waited for its reply
 * @param outcomes one entry per ordered pair (source, destination)
 */
public record PingResult(List<String> hosts, Duration replyWait, List<Outcome> outcomes) {
    /**
     * One ping.
     *
     * @param from      source host
     * @param to        destination host
     * @param rttMillis round-trip time, or -1 when no reply came
     * @param failure   why no reply came ({@code no reply within 1 s}, {@code network unreachable},
     *                  {@code host unreachable}...); null when one did
     */
    public record Outcome(String from, String to, double rttMillis, String failure) {
        /** Whether the echo reply came back. */
        public boolean received() {
            return failure == null;
        }
    }

    public PingResult {
        hosts = List.copyOf(hosts);
        outcomes = List.copyOf(outcomes);
    }

    /** Pings sent (ordered pairs). */
    public int sent() {
        return outcomes.size();
    }

    /** Pings answered. */
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

    /** True when every pair answered. */
    public boolean allReached() {
        return dropped() == 0;
    }

    /** The ping from one host to another, when both took part. */
    public Optional<Outcome> outcome(String from, String to) {
        return outcomes.stream().filter(o -> o.from().equals(from) && o.to().equals(to)).findFirst();
    }

    /** Whether {@code from} got a reply from {@code to}. */
    public boolean reached(String from, String to) {
        return outcome(from, to).map(Outcome::received).orElse(false);
    }

    /** The pairs that failed. */
    public List<Outcome> failures() {
        return outcomes.stream().filter(o -> !o.received()).toList();
    }

    /** Each reason for a failure with how many pairs failed for it, commonest first. */
    public Map<String, Long> failureReasons() {
        Map<String, Long> counts = new LinkedHashMap<>();
        failures().forEach(o -> counts.merge(o.failure(), 1L, Long::sum));
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** Mininet's summary line: {@code Results: 0% dropped (12/12 received)}. */
    @Override
    public String toString() {
        return String.format("Results: %.0f%% dropped (%d/%d received)", lossPercent(), received(), sent());
    }
}
