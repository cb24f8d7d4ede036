package dev.flowlab.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HostNamesTest {
    private final Map<String, String> ips = Map.of("h1", "10.0.0.1", "h2", "10.0.0.2", "h10", "10.0.0.10");

    @Test
    void wholeWordsBecomeAddresses() {
        assertThat(HostNames.substitute("ping -c3 h2", ips)).isEqualTo("ping -c3 10.0.0.2");
        assertThat(HostNames.substitute("iperf3 -c h10 -t 1", ips)).isEqualTo("iperf3 -c 10.0.0.10 -t 1");
    }

    @Test
    void partsOfOtherWordsStay() {
        assertThat(HostNames.substitute("ip link show h2-eth0", ips)).isEqualTo("ip link show h2-eth0");
        assertThat(HostNames.substitute("cat /tmp/h2.log h2x --host=h1", ips)).isEqualTo("cat /tmp/h2.log h2x --host=h1");
    }

    @Test
    void shellOperatorsAndQuotesDelimitWords() {
        assertThat(HostNames.substitute("ping -c1 h1|tail -1;ping 'h2'", ips))
                .isEqualTo("ping -c1 10.0.0.1|tail -1;ping '10.0.0.2'");
    }
}
