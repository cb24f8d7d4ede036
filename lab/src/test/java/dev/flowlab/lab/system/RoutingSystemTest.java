package dev.flowlab.lab.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.dataplane.ExecResult;
import dev.flowlab.dataplane.HostProcess;
import dev.flowlab.dataplane.NamespaceHost;
import dev.flowlab.dataplane.PingResult;
import dev.flowlab.lab.Lab;
import dev.flowlab.testkit.Leftovers;
import dev.flowlab.testkit.SystemTest;
import dev.flowlab.topologies.Topologies;
import dev.flowlab.topologies.Topology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code routing} app on real Open vSwitch bridges in secure fail-mode, on looped topologies
 * where the learning switch storms. Prints the recovery time after a link cut and the time to the
 * first packet across four switches (measurements, not assertions).
 */
@SystemTest(RoutingSystemTest.PREFIX)
class RoutingSystemTest {
    static final String PREFIX = "rt";
    private static final String ROUTING = "routing";
    private static final Pattern REPLY = Pattern.compile("^\\[(\\d+\\.\\d+)] .*icmp_seq=(\\d+) .*time=([\\d.]+) ms", Pattern.MULTILINE);

    static Stream<Arguments> loopedTopologies() {
        return Stream.of(Arguments.of("ring,4", Topologies.ring(4)), Arguments.of("mesh,4", Topologies.mesh(4)),
                Arguments.of("fat-tree,4", Topologies.fatTree(4)), Arguments.of("torus,3,3", Topologies.torus(3, 3)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loopedTopologies")
    void pingAllLosesNothingOnALoopedTopology(String name, Topology topology) {
        try (Lab lab = AppLabs.start(topology, PREFIX, ROUTING)) {
            PingResult result = lab.network().pingAll();

            assertThat(result.failures()).as("pingall on %s", name).isEmpty();
            assertThat(result.received()).isEqualTo(topology.hosts().size() * (topology.hosts().size() - 1));
        }
        assertThat(Leftovers.named(PREFIX)).isEmpty();
    }

    /** Without and with fast-failover groups ({@code routing} config), the same cut: the README compares the two. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fast_failover: false", "fast_failover: true"})
    void aLinkCutDuringAPingStreamIsBypassed(String config, @TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("routing.yaml"), config + "\n");
        // h1-s1, h2-s2; s1-s2 direct, or s1-s4-s3-s2
        try (Lab lab = AppLabs.start(Topologies.ring(4), PREFIX, List.of(ROUTING), Map.of(ROUTING, file))) {
            NamespaceHost h1 = lab.network().host("h1");
            String h2 = lab.network().host("h2").ip();
            assertThat(h1.exec("ping", "-c1", "-W2", h2).ok()).as("h1 reaches h2 before the cut").isTrue();
            HostProcess stream = h1.popen("ping", "-D", "-n", "-i", "0.01", "-c", "600", "-W", "1", h2);
            SystemTests.until("the stream is under way", () -> replies(stream.output()).size() >= 50);

            double cutAt = System.currentTimeMillis() / 1000.0;
            lab.network().link("s1", "s2").down();
            stream.waitFor(Duration.ofSeconds(60));

            List<double[]> replies = replies(stream.output());
            List<double[]> after = replies.stream().filter(r -> r[0] > cutAt).toList();
            assertThat(after).as("replies after the cut (traffic found the other way round)").hasSizeGreaterThan(100);
            double firstAfter = after.get(0)[0];
            double lastBefore = replies.stream().filter(r -> r[0] <= cutAt).mapToDouble(r -> r[0]).max().orElse(cutAt);
            int lost = 600 - replies.size();
            System.out.printf("routing (%s): link s1-s2 cut during a 100/s ping stream on ring,4: traffic back %.0f ms"
                    + " after the cut (gap between replies %.0f ms), %d of 600 echo requests lost%n",
                    config, (firstAfter - cutAt) * 1000, (firstAfter - lastBefore) * 1000, lost);
            assertThat(h1.exec("ping", "-c1", "-W2", h2).ok()).as("h1 reaches h2 after the cut").isTrue();
            String s3 = AppLabs.flows(lab, "s3");
            assertThat(s3).as("s3, on the way round, carries the pair now").contains("priority=100");
        }
        assertThat(Leftovers.named(PREFIX)).isEmpty();
    }

    @Test
    void theFirstPacketAcrossFourSwitchesIsTimed() {
        try (Lab lab = AppLabs.start(Topologies.linear(4).withDeterministicMacs(), PREFIX, ROUTING)) {   // h1 on s1 ... h4 on s4
            NamespaceHost h1 = lab.network().host("h1");
            NamespaceHost h4 = lab.network().host("h4");
            // Let the controller learn both hosts and give each the other's MAC, so the timed ping has
            // no ARP in it and no route of its own pair installed yet.
            assertThat(h1.exec("ping", "-c1", "-W2", lab.network().host("h2").ip()).ok()).isTrue();
            assertThat(h4.exec("ping", "-c1", "-W2", lab.network().host("h3").ip()).ok()).isTrue();
            mustRun(h1, "ip", "neigh", "replace", h4.ip(), "lladdr", h4.mac(), "dev", h1.interfaces().get(0), "nud", "permanent");
            mustRun(h4, "ip", "neigh", "replace", h1.ip(), "lladdr", h1.mac(), "dev", h4.interfaces().get(0), "nud", "permanent");

            ExecResult r = h1.exec("ping", "-D", "-n", "-c", "5", "-i", "0.2", "-W", "2", h4.ip());
            List<double[]> replies = replies(r.stdout());

            assertThat(replies).as(r.stdout()).hasSize(5);
            double first = replies.get(0)[2];
            double later = replies.subList(1, 5).stream().mapToDouble(x -> x[2]).average().orElseThrow();
            System.out.printf("routing: first packet across 4 switches (h1 -> h4 and back, routes set up both ways): "
                    + "%.2f ms round trip; later packets %.2f ms%n", first, later);
        }
        assertThat(Leftovers.named(PREFIX)).isEmpty();
    }

    private static void mustRun(NamespaceHost host, String... argv) {
        ExecResult r = host.exec(argv);
        assertThat(r.ok()).as(String.join(" ", argv) + ": " + r.stderr()).isTrue();
    }

    /** Each reply of {@code ping -D}: {timestamp in seconds, icmp_seq, rtt in ms}. */
    static List<double[]> replies(String pingOutput) {
        List<double[]> out = new ArrayList<>();
        Matcher m = REPLY.matcher(pingOutput);
        while (m.find()) {
            out.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))});
        }
        return out;
    }
}
