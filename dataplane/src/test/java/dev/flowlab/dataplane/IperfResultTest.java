package dev.flowlab.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IperfResultTest {
    @Test
    void readsSentAndReceivedRates() {
        String json = """
                {"start": {}, "intervals": [],
                 "end": {"sum_sent": {"seconds": 2.0, "bytes": 400000000, "bits_per_second": 1600000000.0},
                         "sum_received": {"seconds": 2.001, "bytes": 399000000, "bits_per_second": 1595200000.0}}}
                """;
        IperfResult r = IperfResult.parse(Iperf.Protocol.TCP, json);
        assertThat(r.sentMbits()).isEqualTo(1600.0);
        assertThat(r.receivedMbits()).isEqualTo(1595.2);
        assertThat(r.seconds()).isEqualTo(2.001);
        assertThat(r.lostPercent()).isZero();
    }

    @Test
    void readsUdpLossAndJitter() {
        String json = """
                {"end": {"sum_sent": {"seconds": 1.0, "bits_per_second": 10000000.0, "lost_percent": 0},
                         "sum_received": {"seconds": 1.0, "bits_per_second": 9000000.0, "jitter_ms": 0.25,
                                          "lost_packets": 4, "packets": 40, "lost_percent": 10}}}
                """;
        IperfResult r = IperfResult.parse(Iperf.Protocol.UDP, json);
        assertThat(r.lostPercent()).isEqualTo(10.0);
        assertThat(r.jitterMillis()).isEqualTo(0.25);
        assertThat(r.receivedMbits()).isEqualTo(9.0);
    }

    @Test
    void iperfErrorsBecomeTheMessage() {
        assertThatThrownBy(() -> IperfResult.parse(Iperf.Protocol.TCP,
                "{\"start\":{},\"error\":\"unable to connect to server: Connection refused\"}"))
                .isInstanceOf(DataplaneException.class)
                .hasMessage("iperf3: unable to connect to server: Connection refused");
        assertThatThrownBy(() -> IperfResult.parse(Iperf.Protocol.TCP, "iperf3: command not found\n"))
                .hasMessage("iperf3 printed no JSON report: iperf3: command not found");
    }
}
