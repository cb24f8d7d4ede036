package dev.flowlab.lab.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.dataplane.ExecResult;
import dev.flowlab.dataplane.NamespaceHost;
import dev.flowlab.lab.Lab;
import dev.flowlab.testkit.Leftovers;
import dev.flowlab.testkit.SystemTest;
import dev.flowlab.topologies.TopologyFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code router} app on real Open vSwitch: two subnets over two switches, switched inside a
 * subnet by {@code learning-switch} or {@code routing}. h1, h2 in 10.0.1.0/24 on s1; h3, h4 in
 * 10.0.2.0/24 on s2; h4 also owns 10.0.3.1, reached by a static route via h4.
 */
@SystemTest(RouterSystemTest.PREFIX)
class RouterSystemTest {
    static final String PREFIX = "rs";
    private static final Pattern TTL = Pattern.compile("from ([\\d.]+): icmp_seq=\\d+ ttl=(\\d+)");
    /** The README's example: topology and router config (static route 10.0.3.0/24 via h4). */
    private static final Path TOPOLOGY = Path.of("../topologies/examples/two-subnets.yaml");
    private static final Path CONFIG = Path.of("../apps/examples/router.yaml");

    @ParameterizedTest(name = "router + {0}")
    @ValueSource(strings = {"learning-switch", "routing"})
    void hostsInDifferentSubnetsReachEachOtherThroughTheGateways(String switching) {
        try (Lab lab = AppLabs.start(TopologyFiles.read(TOPOLOGY), PREFIX, List.of("router", switching),
                Map.of("router", CONFIG))) {
            NamespaceHost h1 = lab.network().host("h1");
            NamespaceHost h3 = lab.network().host("h3");

            assertThat(ttls(ping(h1, "10.0.1.1"))).as("the gateway answers, as the controller").containsOnly(64);
            assertThat(ttls(ping(h1, "10.0.2.1"))).as("so does the other subnet's gateway").containsOnly(64);
            assertThat(ttls(ping(h1, "10.0.2.30"))).as("h1 -> h3 across subnets: one router hop").containsOnly(63);
            assertThat(ttls(ping(h3, "10.0.1.10"))).as("h3 -> h1, the other way").containsOnly(63);
            assertThat(ttls(ping(h1, "10.0.1.11"))).as("h1 -> h2 inside a subnet: not routed").containsOnly(64);
            assertThat(ttls(ping(h1, "10.0.3.1"))).as("static route to 10.0.3.0/24 via h4").containsOnly(63);

            String s1 = AppLabs.flows(lab, "s1");
            assertThat(s1).as("routed entry on s1").contains("priority=30100,ip,dl_dst=02:00:00:00:00:fe,nw_dst=10.0.2.30")
                    .contains("set_field:00:00:00:00:02:30->eth_dst", "dec_ttl");
            assertThat(new RestClient(lab).get("/api/router/neighbours").json().toString()).contains("10.0.2.30", "00:00:00:00:02:30");
        }
        assertThat(Leftovers.named(PREFIX)).isEmpty();
    }

    /**
     * Three echo requests; every one must be answered within the deadline. Not {@code -W}: once a
     * reply came, iputils ping waits only two round trips after the last request, so a reply that
     * took a few milliseconds longer (it went through the controller) would count as lost.
     */
    private static ExecResult ping(NamespaceHost from, String to) {
        ExecResult r = from.exec("ping", "-n", "-c", "3", "-i", "0.2", "-w", "5", to);
        assertThat(r.ok()).as("%s ping %s:%n%s%s", from.name(), to, r.stdout(), r.stderr()).isTrue();
        assertThat(r.stdout()).as("%s ping %s", from.name(), to).contains("3 received");
        return r;
    }

    private static List<Integer> ttls(ExecResult ping) {
        Matcher m = TTL.matcher(ping.stdout());
        List<Integer> ttls = new java.util.ArrayList<>();
        while (m.find()) {
            ttls.add(Integer.parseInt(m.group(2)));
        }
        assertThat(ttls).as("replies in:%n%s", ping.stdout()).hasSize(3);
        return ttls;
    }
}
