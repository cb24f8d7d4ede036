package dev.flowlab.dataplane;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pure parts: ping summary, address parsing, options, error messages. */
class SmallPartsTest {
    @Test
    void pingResultCountsLikeMininet() {
        PingResult r = new PingResult(List.of("h1", "h2", "h3"), java.time.Duration.ofSeconds(1), List.of(
                new PingResult.Outcome("h1", "h2", 0.1, null),
                new PingResult.Outcome("h2", "h1", -1, "no reply within 1 s"),
                new PingResult.Outcome("h3", "h1", -1, "host unreachable"),
                new PingResult.Outcome("h3", "h2", -1, "host unreachable")));
        assertThat(r.sent()).isEqualTo(4);
        assertThat(r.dropped()).isEqualTo(3);
        assertThat(r.lossPercent()).isEqualTo(75.0);
        assertThat(r.reached("h1", "h2")).isTrue();
        assertThat(r.reached("h2", "h1")).isFalse();
        assertThat(r.failures()).extracting(PingResult.Outcome::from).containsExactly("h2", "h3", "h3");
        assertThat(r.failureReasons()).containsExactly(java.util.Map.entry("host unreachable", 2L),
                java.util.Map.entry("no reply within 1 s", 1L));
        assertThat(r).hasToString("Results: 75% dropped (1/4 received)");
    }

    @Test
    void ipv4ParsingNeverResolvesNames() {
        assertThat(Rtnetlink.ipv4("10.0.1.254")).containsExactly(10, 0, 1, (byte) 254);
        assertThatThrownBy(() -> Rtnetlink.ipv4("example.org")).hasMessage("example.org is not an IPv4 address");
        assertThatThrownBy(() -> Rtnetlink.ipv4("10.0.0.256")).isInstanceOf(DataplaneException.class);
    }

    @Test
    void optionsDefaultToStandaloneWithoutControllerAndCheckTheRunId() {
        NetworkOptions o = NetworkOptions.defaults();
        assertThat(o.failMode()).isEqualTo(FailMode.STANDALONE);
        assertThat(o.controllers()).isEmpty();
        assertThat(o.datapath()).isEqualTo(Datapath.AUTO);
        assertThatThrownBy(() -> NetworkOptions.builder().runId("a b").build())
                .hasMessageContaining("run id 'a b'");
    }

    @Test
    void aFailedCommandNamesArgvExitCodeAndStderr() {
        CommandFailedException e = new CommandFailedException(List.of("ip", "link", "add", "x"), 2,
                "RTNETLINK answers: File exists\n");
        assertThat(e).hasMessage("ip link add x failed (exit 2): RTNETLINK answers: File exists");
    }

    @Test
    void aMissingToolNamesItsPackage() {
        assertThatThrownBy(() -> Tools.require("flowlab-no-such-tool"))
                .hasMessage("flowlab-no-such-tool not found: install it (Debian: apt-get install flowlab-no-such-tool)");
        assertThat(Tools.packageOf("/usr/bin/ovs-vsctl")).isEqualTo("openvswitch-switch");
    }
}
