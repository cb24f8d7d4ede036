package dev.flowlab.lab.experiment;

/**
 * One echo request of a continuous probe.
 *
 * @param seq    ICMP sequence number
 * @param sentAt when it was sent, Unix epoch seconds (from ping's own {@code -D} timestamps)
 * @param rttMs  round-trip time, or null when no reply came
 */
public record ProbeSample(int seq, double sentAt, Double rttMs) {
    public boolean replied() {
        return rttMs != null;
    }

    /** When the reply came back (epoch seconds); meaningless without a reply. */
    public double receivedAt() {
        return sentAt + (rttMs == null ? 0 : rttMs / 1000);
    }
}
