package dev.flowlab.dataplane;

import dev.flowlab.testkit.SystemTest;
import dev.flowlab.topologies.Topologies;
import dev.flowlab.topologies.LinkParams;
import dev.flowlab.topologies.Topology;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Link down/up and link shaping on a running network. */
@SystemTest(LinkTest.PREFIX)
class LinkTest {
    static final String PREFIX = "dp6";

    final SystemTestNetwork sys = new SystemTestNetwork(PREFIX);

    @Test
    void linkDownCutsConnectivityAndUpRestoresIt() {
        try (Network net = sys.start(Topologies.linear(2))) {
            NamespaceHost h1 = net.host("h1");
            String h2 = net.host("h2").ip();
            assertThat(pingsWithin(h1, h2, Duration.ofSeconds(5))).isTrue();

            net.link("s1", "s2").down();
            assertThat(net.link("s2", "s1").isUp()).isFalse();
            assertThat(h1.exec("ping", "-c3", "-i0.2", "-W1", h2).exitCode()).as("ping over a downed link").isNotZero();
            PingResult cut = net.pingAll();
            assertThat(cut.failures()).extracting(PingResult.Outcome::from)
                    .containsExactlyInAnyOrder(PREFIX + "h1", PREFIX + "h2");

            net.link("s1", "s2").up();
            assertThat(pingsWithin(h1, h2, Duration.ofSeconds(10))).as("ping after link up").isTrue();
        }
        sys.assertNothingLeft();
    }

    @Test
    void bandwidthLimitIsApplied() {
        Topology t = Topology.builder().addSwitch("s1").addHost("h1").addHost("h2")
                .addLink("h1", "s1", LinkParams.bandwidth(5)).addLink("h2", "s1").build();
        try (Network net = sys.start(t)) {
            assertThat(net.host("h1").exec("tc", "qdisc", "show", "dev", PREFIX + "h1-eth0").stdout()).contains("htb");
            HostProcess server = net.host("h2").popen("iperf3", "-s", "-1", "-p", "16702");
            BuildAndTeardownTest.awaitListening(net.host("h2"), 16702);
            ExecResult r = net.host("h1").exec(Duration.ofSeconds(20), "iperf3", "-c", net.host("h2").ip(),
                    "-p", "16702", "-t", "2", "-f", "m");
            server.stop();
            assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
            Matcher m = Pattern.compile("([\\d.]+) Mbits/sec.*receiver").matcher(r.stdout());
            assertThat(m.find()).as(r.stdout()).isTrue();
            assertThat(Double.parseDouble(m.group(1))).as("rate through a 5 Mbit/s link").isLessThan(7.5);
        }
        sys.assertNothingLeft();
    }

    @Test
    void delayWithoutNetemIsAClearErrorBeforeAnythingIsBuilt() {
        Topology t = Topology.builder().addSwitch("s1").addHost("h1").addHost("h2")
                .addLink("h1", "s1", new LinkParams(null, Duration.ofMillis(20), null, null, null))
                .addLink("h2", "s1").build();
        boolean kernelHasNetem = ProcessRunner.run("unshare", "-n", "tc", "qdisc", "add", "dev", "lo", "root", "netem",
                "delay", "1ms").ok();
        if (kernelHasNetem) {
            try (Network net = sys.start(t)) {
                assertThat(net.host("h1").exec("tc", "qdisc", "show", "dev", PREFIX + "h1-eth0").stdout())
                        .contains("netem").contains("delay 20");
            }
        } else {
            assertThatThrownBy(() -> sys.start(t))
                    .isInstanceOf(DataplaneException.class)
                    .hasMessageContaining("netem")
                    .hasMessageContaining("CONFIG_NET_SCH_NETEM");
        }
        sys.assertNothingLeft();
    }

    /** Pings until one reply comes back or the deadline passes (OVS relearns after a link change). */
    private static boolean pingsWithin(NamespaceHost from, String to, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        do {
            if (from.exec("ping", "-c1", "-W1", to).ok()) {
                return true;
            }
        } while (System.nanoTime() < deadline);
        return false;
    }
}
