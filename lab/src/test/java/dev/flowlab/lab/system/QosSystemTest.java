package dev.flowlab.lab.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.dataplane.IperfResult;
import dev.flowlab.dataplane.NamespaceHost;
import dev.flowlab.lab.Lab;
import dev.flowlab.testkit.SystemTest;
import dev.flowlab.topologies.Topologies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code qos} app under each forwarding app on real Open vSwitch (linear,3: h1, h2, h3 = 10.0.0.1-3 on
 * s1, s2, s3): h1 is limited to 10 Mbit/s, and iperf3 h1 -> h3 stays near that while h2 -> h3, over the
 * same last two switches, is not limited.
 */
@SystemTest(QosSystemTest.PREFIX)
class QosSystemTest {
    static final String PREFIX = "qs";
    private static final Logger LOG = LoggerFactory.getLogger(QosSystemTest.class);
    private static final double LIMIT_MBIT = 10;
    /**
     * The userspace datapath's meters hold their rate to a few percent (10.2 Mbit/s UDP through a 10 Mbit/s
     * meter), but the bucket starts full and holds one second at the rate (Open vSwitch's default burst), so
     * over 4 s TCP can see up to (4 + 1) / 4 = 1.25x the rate, plus TCP's own overshoot at the start. 1.6x
     * keeps the test about enforcement, not precision; unlimited, the same path carries 100-900 Mbit/s here.
     */
    private static final double ABOVE = 1.6;
    /** The limited host still gets through (a meter, not a block): at least this share of its rate. */
    private static final double BELOW = 0.3;
    /** The unlimited host must clearly beat the limit: 3x is far below what this path carries even under load. */
    private static final double UNLIMITED = 3;
    private static final Duration IPERF = Duration.ofSeconds(4);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "qos with {0}")
    @ValueSource(strings = {"learning-switch", "routing"})
    void aLimitedHostIsHeldToItsRateAndOthersAreNot(String forwarding) throws IOException {
        Path limits = Files.writeString(dir.resolve("qos.yaml"), "limits:\n  - {ip: 10.0.0.1, rate: 10}\n");
        try (Lab lab = AppLabs.start(Topologies.linear(3), PREFIX, List.of("qos", forwarding), Map.of("qos", limits))) {
            assertThat(lab.network().pingAll().dropped()).isZero();

            IperfResult limited = lab.network().iperfTcp("h1", "h3", IPERF);
            IperfResult free = lab.network().iperfTcp("h2", "h3", IPERF);
            LOG.info("qos with {}: h1 -> h3 {} Mbit/s (limit {}), h2 -> h3 {} Mbit/s", forwarding,
                    String.format("%.1f", limited.receivedMbits()), LIMIT_MBIT, String.format("%.1f", free.receivedMbits()));

            assertThat(limited.receivedMbits()).as("h1 -> h3, limited to %s Mbit/s", LIMIT_MBIT)
                    .isLessThan(LIMIT_MBIT * ABOVE).isGreaterThan(LIMIT_MBIT * BELOW);
            assertThat(free.receivedMbits()).as("h2 -> h3, not limited").isGreaterThan(LIMIT_MBIT * UNLIMITED);
            NamespaceHost host1 = lab.network().host("h1");
            String h1 = "dl_src=" + host1.exec("cat", "/sys/class/net/" + host1.interfaces().get(0) + "/address").stdout().strip();
            List<String> metered = AppLabs.flows(lab, "s1").lines().filter(l -> l.contains("meter:")).toList();
            assertThat(metered).as("s1's metered entries: h1's, and only h1's").isNotEmpty().allMatch(l -> l.contains(h1));
            RestClient.Answer view = new RestClient(lab).get("/api/qos/limits");
            assertThat(view.status()).isEqualTo(200);
            assertThat(view.json().get(0).get("host").asText()).isEqualTo("10.0.0.1");
            assertThat(view.json().get(0).get("meters").size()).as("a meter on each switch").isEqualTo(3);
            assertThat(new RestClient(lab).get("/api/switches/1/meters").json().toString()).contains("\"owner\":\"qos\"");
            String meters = SystemTests.must("ovs-ofctl", "-O", "OpenFlow13", "meter-stats", PREFIX + "s1");
            assertThat(meters).as("the meter dropped what was above the rate").containsPattern("0: packet_count:[1-9]");
        }
    }
}
