package dev.flowlab.lab.experiment;

import java.util.List;

/**
 * What a probe saw around a controller outage, all times in seconds relative to the controller's
 * stop ({@code down}) or restart ({@code up}), from the probe's own timestamps. A request counts as
 * delivered while down only if its reply also came back before the restart: the kernel holds
 * requests while ARP is unresolved and sends them once it resolves, so a request "sent" during the
 * outage may be answered only after it.
 *
 * @param sentDown              probe intervals (one echo request, or one refused attempt) while down
 * @param repliedDown           of those, answered before the restart
 * @param deliveredDownPercent  repliedDown / sentDown in percent
 * @param firstReplyAfterDown   first reply received while down, after the stop (null: none)
 * @param firstLossAfterDown    first unanswered request sent after the stop (null: none while down)
 * @param longestGapDown        longest run of requests without a reply while down, in seconds
 * @param workingAfterUp        from when, after the restart, replies came back without a break
 *                              (0: no break at the restart; null: not working at the end)
 */
public record PairSummary(int sentDown, int repliedDown, double deliveredDownPercent, Double firstReplyAfterDown,
                          Double firstLossAfterDown, double longestGapDown, Double workingAfterUp) {

    /** Summarises samples for a controller down from {@code down} to {@code up} (epoch seconds). */
    public static PairSummary of(List<ProbeSample> samples, double down, double up) {
        List<ProbeSample> whileDown = samples.stream().filter(s -> s.sentAt() >= down && s.sentAt() < up).toList();
        List<ProbeSample> answered = whileDown.stream().filter(s -> answeredBefore(s, up)).toList();
        int replied = answered.size();
        Double firstReply = answered.stream().mapToDouble(ProbeSample::receivedAt).min().stream().boxed()
                .findFirst().map(t -> t - down).orElse(null);
        Double firstLoss = whileDown.stream().filter(s -> !answeredBefore(s, up)).findFirst()
                .map(s -> s.sentAt() - down).orElse(null);
        return new PairSummary(whileDown.size(), replied, whileDown.isEmpty() ? 0 : 100.0 * replied / whileDown.size(),
                firstReply, firstLoss, longestGap(whileDown, up), workingAfter(samples, up));
    }

    private static boolean answeredBefore(ProbeSample s, double up) {
        return s.replied() && s.receivedAt() < up;
    }

    /** Longest stretch from an unanswered request to the next answered one (or the end of the window). */
    private static double longestGap(List<ProbeSample> window, double end) {
        double longest = 0;
        Double gapStart = null;
        for (ProbeSample s : window) {
            boolean ok = answeredBefore(s, end);
            if (!ok && gapStart == null) {
                gapStart = s.sentAt();
            } else if (ok && gapStart != null) {
                longest = Math.max(longest, s.sentAt() - gapStart);
                gapStart = null;
            }
        }
        return gapStart == null ? longest : Math.max(longest, end - gapStart);
    }

    /** When the first reply of the last unbroken run of replies came back, relative to {@code up}; 0 if before. */
    private static Double workingAfter(List<ProbeSample> samples, double up) {
        if (samples.isEmpty() || !samples.get(samples.size() - 1).replied()) {
            return null;
        }
        int i = samples.size() - 1;
        while (i > 0 && samples.get(i - 1).replied()) {
            i--;
        }
        // Requests held during ARP resolution come back together: the earliest reply of the run is the moment.
        double first = samples.subList(i, samples.size()).stream().mapToDouble(ProbeSample::receivedAt).min().orElseThrow();
        return Math.max(0, first - up);
    }
}
