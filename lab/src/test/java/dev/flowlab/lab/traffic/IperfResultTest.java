package dev.flowlab.lab.traffic;

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
        IperfResult r = IperfResult.parse(json);
        assertThat(r.sentMbits()).isEqualTo(1600.0);
        assertThat(r.receivedMbits()).isEqualTo(1595.2);
        assertThat(IperfResult.mbits(r.receivedMbits())).isEqualTo("1595 Mbit/s");
        assertThat(IperfResult.mbits(3.14159)).isEqualTo("3.14 Mbit/s");
    }

    @Test
    void iperfErrorsBecomeTheMessage() {
        assertThatThrownBy(() -> IperfResult.parse("{\"start\":{},\"error\":\"unable to connect to server: Connection refused\"}"))
                .hasMessage("iperf3: unable to connect to server: Connection refused");
        assertThatThrownBy(() -> IperfResult.parse("iperf3: command not found\n"))
                .hasMessage("iperf3 printed no JSON report: iperf3: command not found");
    }
}
