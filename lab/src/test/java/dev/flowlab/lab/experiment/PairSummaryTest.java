package dev.flowlab.lab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairSummaryTest {
    private static final double DOWN = 1000;
    private static final double UP = 1010;

    @Test
    void pairThatKeepsWorkingIsFullyDelivered() {
        List<ProbeSample> samples = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            samples.add(new ProbeSample(i, 998 + i * 0.1, 0.5));
        }
        PairSummary s = PairSummary.of(samples, DOWN, UP);
        assertThat(s.sentDown()).isEqualTo(100);
        assertThat(s.deliveredDownPercent()).isEqualTo(100.0);
        assertThat(s.longestGapDown()).isZero();
        assertThat(s.firstLossAfterDown()).isNull();
        assertThat(s.workingAfterUp()).isZero();
    }

    /** Requests held while ARP is unresolved and answered after the restart do not count as delivered while down. */
    @Test
    void repliesArrivingAfterTheRestartAreNotDeliveredWhileDown() {
        List<ProbeSample> samples = new ArrayList<>();
        for (int i = 0; i < 95; i++) {
            samples.add(new ProbeSample(i, DOWN + 0.5 + i * 0.1, null));
        }
        samples.add(new ProbeSample(95, UP - 0.5, 1200.0));  // answered 0.7 s after the restart
        for (int i = 96; i < 110; i++) {
            samples.add(new ProbeSample(i, UP + (i - 95) * 0.1, 0.4));
        }
        PairSummary s = PairSummary.of(samples, DOWN, UP);
        assertThat(s.repliedDown()).isZero();
        assertThat(s.firstReplyAfterDown()).isNull();
        assertThat(s.firstLossAfterDown()).isCloseTo(0.5, offset(1e-9));
        assertThat(s.longestGapDown()).isCloseTo(9.5, offset(1e-9));
        assertThat(s.workingAfterUp()).isCloseTo(0.1004, offset(1e-6));  // the earliest reply after the restart
    }

    @Test
    void failOpenShowsAsFirstReplyReceivedWhileDown() {
        List<ProbeSample> samples = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            samples.add(new ProbeSample(i, DOWN + i * 0.1, null));
        }
        for (int i = 50; i < 100; i++) {
            samples.add(new ProbeSample(i, DOWN + i * 0.1, 0.3));
        }
        PairSummary s = PairSummary.of(samples, DOWN, UP);
        assertThat(s.firstReplyAfterDown()).isCloseTo(5.0003, offset(1e-6));
        assertThat(s.repliedDown()).isEqualTo(50);
        assertThat(s.deliveredDownPercent()).isEqualTo(50.0);
        assertThat(s.workingAfterUp()).as("working since before the restart").isZero();
    }
}
