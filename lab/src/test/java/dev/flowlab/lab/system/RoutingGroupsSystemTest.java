package dev.flowlab.lab.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.dataplane.HostProcess;
import dev.flowlab.dataplane.NamespaceHost;
import dev.flowlab.dataplane.PingResult;
import dev.flowlab.lab.Lab;
import dev.flowlab.testkit.Leftovers;
import dev.flowlab.testkit.SystemTest;
import dev.flowlab.topologies.Topologies;
import dev.flowlab.topologies.Topology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code routing} app's group options on real Open vSwitch bridges: fast-failover groups that let
 * a switch bypass a cut link with no controller at all, and select groups that spread a fat-tree's
 * pairs over its core.
 */
@SystemTest(RoutingGroupsSystemTest.PREFIX)
class RoutingGroupsSystemTest {
    static final String PREFIX = "rg";

    @TempDir
    Path dir;

    /** A lab running {@code routing} with this config file content. */
    static Lab routing(Topology topology, Path dir, String config) {
        try {
            Path file = Files.writeString(dir.resolve("routing.yaml"), config);
            return AppLabs.start(topology, PREFIX, List.of("routing"), Map.of("routing", file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * ring,4 with h1 on s1 and h2 on s2: the route is the cable s1-s2. The controller is stopped (the
     * bridges are in secure fail-mode, so they keep their flows and groups), then the cable is cut during
     * a 100/s ping stream: only what is on the switches can carry it round the other way, s1-s4-s3-s2.
     * The same without fast_failover shows the stream stops there.
     */
    @Test
    void withTheControllerGoneTheSwitchesThemselvesBypassACutLink() {
        Cut withFailover = cutWithoutController("fast_failover: true\n", true);
        Cut without = cutWithoutController("fast_failover: false\n", false);
        System.out.printf("routing on ring,4, controller stopped, s1-s2 cut during a 100/s ping: with fast_failover"
                + " %d of 300 lost (gap between replies %.0f ms), without %d of 300 lost, %d replies after the cut%n",
                withFailover.lost(), withFailover.gapMillis(), without.lost(), without.repliesAfter());
        assertThat(withFailover.repliesAfter()).as("echo replies after the cut with fast-failover groups")
                .isGreaterThan(100);
        // Not the stream's replies after the cut: one already past the cable when it went down may still arrive after.
        assertThat(without.reachableAfter()).as("h1 reaches h2 once the cut is made, without them").isFalse();
        assertThat(withFailover.reachableAfter()).as("h1 reaches h2 once the cut is made, with them").isTrue();
    }

    /** What a cut did to a ping stream. */
    private record Cut(int lost, int repliesAfter, double gapMillis, boolean reachableAfter) {
    }

    private Cut cutWithoutController(String config, boolean groups) {
        try (Lab lab = routing(Topologies.ring(4), dir, config)) {
            NamespaceHost h1 = lab.network().host("h1");
            String h2 = lab.network().host("h2").ip();
            assertThat(h1.exec("ping", "-c", "2", "-i", "0.2", "-W", "2", h2).ok()).as("h1 reaches h2 first").isTrue();
            String s1 = lab.bridgeName("s1");
            String groupTable = SystemTests.must("ovs-ofctl", "-O", "OpenFlow13", "dump-groups", s1);
            if (groups) {
                assertThat(groupTable).as("s1's fast-failover group: towards s2 first, then towards s4")
                        .containsPattern("type=ff,bucket=watch_port:\\d+,actions=output:\\d+,bucket=watch_port:\\d+");
                assertThat(AppLabs.flows(lab, "s1")).contains("actions=group:");
            } else {
                assertThat(groupTable).doesNotContain("group_id=");
            }
            lab.embeddedController().orElseThrow().close();
            HostProcess stream = h1.popen("ping", "-D", "-n", "-i", "0.01", "-c", "300", "-W", "1", h2);
            SystemTests.until("the stream is under way", () -> RoutingSystemTest.replies(stream.output()).size() >= 50);
            double cutAt = System.currentTimeMillis() / 1000.0;
            lab.setLink("s1", "s2", false);
            stream.waitFor(Duration.ofSeconds(30));
            boolean reachable = h1.exec("ping", "-c", "3", "-i", "0.2", "-W", "1", h2).ok();   // any reply
            List<double[]> replies = RoutingSystemTest.replies(stream.output());
            List<double[]> after = replies.stream().filter(r -> r[0] > cutAt).toList();
            double lastBefore = replies.stream().filter(r -> r[0] <= cutAt).mapToDouble(r -> r[0]).max().orElse(cutAt);
            double gap = after.isEmpty() ? Double.NaN : (after.get(0)[0] - lastBefore) * 1000;
            return new Cut(300 - replies.size(), after.size(), gap, reachable);
        } finally {
            assertThat(Leftovers.named(PREFIX)).isEmpty();
        }
    }

    /**
     * fat-tree,4 with {@code ecmp}: every pair reaches the other (pingall), and the pairs between pods
     * cross more than one of the four core switches (s1-s4), which plain shortest paths do not do here
     * (their equal-cost ties always break towards the same core).
     */
    @Test
    void selectGroupsSpreadAFatTreesPairsOverItsCore() {
        long plain = coresUsedByPingAll("ecmp: false\n");
        long ecmp = coresUsedByPingAll("ecmp: true\n");
        System.out.printf("routing on fat-tree,4: pingall crossed %d of 4 core switches with ecmp, %d without%n", ecmp, plain);
        assertThat(plain).as("core switches carrying pairs on single shortest paths").isEqualTo(1);
        assertThat(ecmp).as("core switches carrying pairs with select groups").isGreaterThan(1);
    }

    private long coresUsedByPingAll(String config) {
        try (Lab lab = routing(Topologies.fatTree(4), dir, config)) {
            PingResult result = lab.network().pingAll();
            assertThat(result.failures()).isEmpty();
            String edge = SystemTests.must("ovs-ofctl", "-O", "OpenFlow13", "dump-groups", lab.bridgeName("s13"));
            if (config.contains("true")) {
                assertThat(edge).as("an edge switch splits over its two aggregation uplinks").contains("type=select");
            }
            // The pingall's packets may have gone by the controller (a pair's first ones do) rather than over the entries,
            // and the datapath hands counters over lazily: a second pingall runs over the installed routes, then counted.
            assertThat(lab.network().pingAll().failures()).as("pingall over the installed routes").isEmpty();
            SystemTests.flushDatapathCounters();
            return IntStream.rangeClosed(1, 4).filter(c -> carriesRoutes(lab, "s" + c)).count();
        } finally {
            assertThat(Leftovers.named(PREFIX)).isEmpty();
        }
    }

    /** Whether a switch has a routing entry that forwarded packets. */
    private static boolean carriesRoutes(Lab lab, String sw) {
        return AppLabs.flows(lab, sw).lines().anyMatch(l -> l.contains("priority=100") && !l.contains("n_packets=0"));
    }
}
