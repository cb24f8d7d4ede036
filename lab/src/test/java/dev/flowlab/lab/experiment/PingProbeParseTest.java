package dev.flowlab.lab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PingProbeParseTest {
    @Test
    void replyLineGivesSendTimeFromReceiveTimeMinusRtt() {
        ProbeSample s = PingProbe.parse("[1700000000.500000] 64 bytes from 10.0.0.3: icmp_seq=7 ttl=64 time=250 ms", 0.1);
        assertThat(s.seq()).isEqualTo(7);
        assertThat(s.rttMs()).isEqualTo(250.0);
        assertThat(s.sentAt()).isCloseTo(1700000000.25, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(s.receivedAt()).isCloseTo(1700000000.5, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void noAnswerLineIsALossSentOneIntervalEarlier() {
        ProbeSample s = PingProbe.parse("[1700000001.000000] no answer yet for icmp_seq=12", 0.1);
        assertThat(s.seq()).isEqualTo(12);
        assertThat(s.replied()).isFalse();
        assertThat(s.sentAt()).isCloseTo(1700000000.9, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void otherLinesAreNotSamples() {
        assertThat(PingProbe.parse("PING 10.0.0.3 (10.0.0.3) 56(84) bytes of data.", 0.1)).isNull();
        assertThat(PingProbe.parse("[1700000001.000000] From 10.0.0.2 icmp_seq=3 Destination Host Unreachable", 0.1)).isNull();
    }
}
