package dev.flowlab.lab.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowlab.dataplane.HostProcess;
import dev.flowlab.dataplane.NamespaceHost;
import dev.flowlab.dataplane.PingResult;
import dev.flowlab.lab.Lab;
import dev.flowlab.testkit.Leftovers;
import dev.flowlab.testkit.SystemTest;
import dev.flowlab.topologies.PortVlan;
import dev.flowlab.topologies.Topologies;
import dev.flowlab.topologies.Topology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The {@code stp} app with the learning switch on real Open vSwitch bridges in secure fail-mode, on
 * looped topologies where the learning switch alone storms. Prints how long traffic stops when a tree
 * cable is cut (a measurement, not an assertion).
 */
@SystemTest(StpSystemTest.PREFIX)
class StpSystemTest {
    static final String PREFIX = "stp";
    private static final Pattern REPLY = Pattern.compile("^\\[(\\d+\\.\\d+)] .*icmp_seq=(\\d+) ", Pattern.MULTILINE);

    @Test
    void learningSwitchOnAFullMeshReachesEveryPair() {
        try (Lab lab = AppLabs.start(Topologies.mesh(4), PREFIX, "stp", "learning-switch")) {
            assertThat(blocking(new RestClient(lab))).as("both ends of the 3 cables off the tree").isEqualTo(6);

            PingResult result = lab.network().pingAll();

            assertThat(result.failures()).as("pingall on mesh,4").isEmpty();
            NamespaceHost h4 = lab.network().host("h4");
            long before = received(h4);
            lab.network().host("h1").exec("ping", "-c1", "-W1", "10.0.0.99");   // ARP broadcasts nobody answers
            long copies = received(h4) - before;
            assertThat(copies).as("frames h4 received while h1 asked for a missing host (a storm brings thousands)")
                    .isLessThan(20);
        }
        assertThat(Leftovers.named(PREFIX)).isEmpty();
    }

    @Test
    void onARingACutTreeCableIsReplacedAndComesBackOnTheTree() {
        try (Lab lab = AppLabs.start(Topologies.ring(4), PREFIX, "stp", "learning-switch")) {   // tree: s1-s2, s1-s4, s2-s3
            RestClient rest = new RestClient(lab);
            assertThat(blocking(rest)).as("s3-s4 blocked at both ends").isEqualTo(2);
            PingResult first = lab.network().pingAll();
            assertThat(first.failures()).as("pingall on ring,4; stp %s; flows:%n%s", rest.get("/api/stp").json(),
                    allFlows(lab)).isEmpty();

            NamespaceHost h1 = lab.network().host("h1");
            String h2 = lab.network().host("h2").ip();
            HostProcess stream = h1.popen("ping", "-D", "-n", "-i", "0.01", "-c", "600", "-W", "1", h2);
            SystemTests.until("the stream is under way", () -> replies(stream.output()).size() >= 50);
            double cutAt = System.currentTimeMillis() / 1000.0;
            lab.network().link("s1", "s2").down();
            stream.waitFor(Duration.ofSeconds(60));

            List<Double> replies = replies(stream.output());
            List<Double> after = replies.stream().filter(t -> t > cutAt).toList();
            assertThat(after).as("replies after the cut (the way round through s4 and s3)").hasSizeGreaterThan(100);
            System.out.printf("stp: tree cable s1-s2 cut during a 100/s ping stream on ring,4 (learning-switch):"
                    + " traffic back %.0f ms after the cut, %d of 600 echo requests lost%n",
                    (after.get(0) - cutAt) * 1000, 600 - replies.size());
            assertThat(blocking(rest)).as("nothing blocked on the ring with one cable cut").isZero();
            assertThat(lab.network().pingAll().failures()).as("pingall after the cut").isEmpty();

            lab.network().link("s1", "s2").up();
            SystemTests.until("s1-s2 is back on the tree and s3-s4 blocked again", () -> blocking(rest) == 2
                    && state(rest, 1, lab.topology().port("s1", "s2").orElseThrow()).equals("forwarding"));
            assertThat(lab.network().pingAll().failures()).as("pingall with the cable back").isEmpty();
        }
        assertThat(Leftovers.named(PREFIX)).isEmpty();
    }

    @Test
    void onAVlanTriangleEachVlanReachesItsOwnHostsOnly() {
        Topology triangle = Topology.builder().addSwitch("s1").addSwitch("s2").addSwitch("s3")
                .addHost("h1", "10.0.0.1/24").addHost("h2", "10.0.0.2/24").addHost("h3", "10.0.0.3/24").addHost("h4", "10.0.0.4/24")
                .addLink("h1", "s1", PortVlan.access(10)).addLink("h2", "s1", PortVlan.access(20))
                .addLink("h3", "s2", PortVlan.access(10)).addLink("h4", "s3", PortVlan.access(20))
                .addLink("s1", "s2", PortVlan.trunk(10, 20)).addLink("s2", "s3", PortVlan.trunk(10, 20))
                .addLink("s3", "s1", PortVlan.trunk(10, 20)).build();
        try (Lab lab = AppLabs.start(triangle, PREFIX, "stp", "learning-switch")) {
            PingResult result = lab.network().pingAll();

            List<String> reached = result.outcomes().stream().filter(PingResult.Outcome::received)
                    .map(o -> lab.userName(o.from()) + "->" + lab.userName(o.to())).sorted().toList();
            assertThat(reached).containsExactly("h1->h3", "h2->h4", "h3->h1", "h4->h2");
        }
        assertThat(Leftovers.named(PREFIX)).isEmpty();
    }

    private static String allFlows(Lab lab) {
        StringBuilder out = new StringBuilder();
        lab.switchNames().forEach(s -> out.append(s).append(":\n").append(AppLabs.flows(lab, s)).append("\n"));
        return out.toString();
    }

    /** Frames the host's interface received so far (its namespace's /proc/net/dev). */
    private static long received(NamespaceHost host) {
        String dev = host.exec("cat", "/proc/net/dev").stdout();
        for (String line : dev.split("\n")) {
            String[] f = line.trim().split("[:\\s]+");
            if (f[0].equals(host.interfaces().get(0))) {
                return Long.parseLong(f[2]);
            }
        }
        throw new AssertionError("no " + host.interfaces().get(0) + " in /proc/net/dev: " + dev);
    }

    private static long blocking(RestClient rest) {
        JsonNode ports = rest.get("/api/stp").json();
        long n = 0;
        for (JsonNode p : ports) {
            n += p.get("state").asText().equals("blocking") ? 1 : 0;
        }
        return n;
    }

    private static String state(RestClient rest, long dpid, int port) {
        for (JsonNode p : rest.get("/api/stp").json()) {
            if (p.get("port").asInt() == port && p.get("dpid").asText().endsWith(String.format(":%02x", dpid))) {
                return p.get("state").asText();
            }
        }
        return "unknown";
    }

    /** The timestamp (seconds) of each reply of {@code ping -D}. */
    private static List<Double> replies(String pingOutput) {
        List<Double> out = new ArrayList<>();
        Matcher m = REPLY.matcher(pingOutput);
        while (m.find()) {
            out.add(Double.parseDouble(m.group(1)));
        }
        return out;
    }
}
