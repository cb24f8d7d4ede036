package dev.flowlab.lab.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.lab.traffic.Iperf;
import dev.flowlab.lab.traffic.IperfResult;
import dev.flowlab.lab.traffic.PingAll;
import dev.flowlab.lab.traffic.PingMatrix;
import dev.flowlab.testkit.Leftovers;
import dev.flowlab.testkit.SystemTest;
import org.junit.jupiter.api.Test;

/** pingall and iperf on real namespaces behind an OVS bridge in standalone mode (no controller at all). */
@SystemTest(TrafficSystemTest.PREFIX)
class TrafficSystemTest {
    static final String PREFIX = "clt";

    @Test
    void pingallReachesEveryPairAndIperfMeasuresTcp() throws Exception {
        try (HandMadeNetwork net = new HandMadeNetwork(PREFIX, 3, 0xc1701L, "standalone", null)) {
            PingMatrix m = PingAll.run(net.hosts, done -> { });
            assertThat(m.failures()).isEmpty();
            assertThat(m.received()).isEqualTo(6);

            IperfResult r = Iperf.measure(net.hosts.get(0), net.hosts.get(2), 1);
            // TCP got data through; how fast depends on the machine, which a test does not judge.
            assertThat(r.receivedMbits()).isPositive();
        }
        assertThat(Leftovers.named(PREFIX)).isEmpty();
    }

    @Test
    void pingallSeesAHostThatIsCutOff() throws Exception {
        try (HandMadeNetwork net = new HandMadeNetwork(PREFIX, 3, 0xc1702L, "standalone", null)) {
            SystemTests.must("ip", "link", "set", net.bridge + "-eth3", "down");
            PingMatrix m = PingAll.run(net.hosts, done -> { });
            assertThat(m.failures()).extracting(p -> p.source() + ">" + p.destination())
                    .containsExactlyInAnyOrder("h1>h3", "h2>h3", "h3>h1", "h3>h2");
        }
        assertThat(Leftovers.named(PREFIX)).isEmpty();
    }
}
