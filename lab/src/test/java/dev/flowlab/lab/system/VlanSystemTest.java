package dev.flowlab.lab.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowlab.controller.RestConfig;
import dev.flowlab.dataplane.FailMode;
import dev.flowlab.dataplane.PingResult;
import dev.flowlab.lab.ControllerChoice;
import dev.flowlab.lab.Lab;
import dev.flowlab.lab.LabSpec;
import dev.flowlab.lab.Progress;
import dev.flowlab.testkit.Leftovers;
import dev.flowlab.testkit.SystemTest;
import dev.flowlab.lab.traffic.LabHost;
import dev.flowlab.topologies.Topology;
import dev.flowlab.topologies.TopologyFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * VLANs keep their meaning under a controller: the reachability matrix of each VLAN example is the
 * same in standalone mode (Open vSwitch's own VLAN handling in NORMAL), under learning-switch and
 * under routing (the controller's VLAN stage).
 */
@SystemTest(VlanSystemTest.PREFIX)
class VlanSystemTest {
    static final String PREFIX = "vl";
    private static final Path EXAMPLES = Path.of("../topologies/examples");

    @Test
    void twoVlansOverATrunkReachTheSameHostsUnderEveryApp() {
        assertSameUnderEveryApp("vlans.yaml", List.of("h1->h3", "h3->h1", "h2->h4", "h4->h2"),
                "s1-eth3", "0x8100 vlan 10");
    }

    @Test
    void qinqCustomersReachTheSameHostsUnderEveryApp() {
        assertSameUnderEveryApp("qinq.yaml", List.of("h1->h2", "h2->h1", "h3->h4", "h4->h3"),
                "p1-eth3", "0x88a8 vlan 100 0x8100 vlan 10");
    }

    /**
     * Hosts that tag their own frames: the same reachability in standalone mode, under learning-switch
     * and under routing. Where a network cannot be built here (a kernel without 802.1Q sub-interfaces,
     * module 8021q; a QinQ sub-interface name that the test's prefix makes longer than Linux's 15
     * characters) every mode is refused before anything is built, with the same one line; elsewhere
     * the matrices are compared.
     */
    @Test
    void hostTaggingExamplesBehaveTheSameUnderEveryApp() {
        for (String example : List.of("vlan-host-tagging.yaml", "qinq-host-tagging.yaml")) {
            Topology topology = TopologyFiles.read(EXAMPLES.resolve(example));
            String standalone = outcome(topology, List.of());
            assertThat(outcome(topology, List.of("learning-switch"))).as("%s under learning-switch", example)
                    .isEqualTo(standalone);
            assertThat(outcome(topology, List.of("routing"))).as("%s under routing", example).isEqualTo(standalone);
            assertThat(standalone).as("%s: reaches something, or says in one line why it cannot run", example)
                    .matches("(?s)refused: [^\\n]+|reached: \\[.+\\]");
        }
    }

    /** "reached: [pairs]", or "refused: MESSAGE" when the lab refused to start (nothing left either way). */
    private static String outcome(Topology topology, List<String> apps) {
        try {
            return "reached: " + matrix(topology, apps);
        } catch (RuntimeException refused) {
            assertThat(Leftovers.named(PREFIX)).isEmpty();
            return "refused: " + refused.getMessage();
        }
    }

    /**
     * Under routing a broadcast stays with its customer too: h1's ARP requests for an address nobody
     * has leave the switch port of h2 (customer A), never those of h3 and h4 (customer B), although
     * all four hosts sit in customer VLAN 10 at their own switches.
     */
    @Test
    void aQinqCustomersBroadcastUnderRoutingReachesOnlyItsOwnHosts() {
        Topology topology = TopologyFiles.read(EXAMPLES.resolve("qinq.yaml"));
        Map<String, Long> requests = new java.util.HashMap<>();
        matrix(topology, List.of("routing"), Map.of(), lab -> requests.putAll(arpRequestsSeen(lab, "h1", "10.0.0.99",
                "c2-eth1", List.of("c3-eth1", "c4-eth1"))));

        assertThat(requests.get("c2-eth1")).as("h1's ARP requests reach h2's port (same customer)").isPositive();
        assertThat(requests.get("c3-eth1")).as("h1's ARP requests at h3's port (other customer)").isZero();
        assertThat(requests.get("c4-eth1")).as("h1's ARP requests at h4's port (other customer)").isZero();
    }

    /**
     * Two QinQ customers may use the same MACs as well as the same VLAN and subnet: customer A's h1 and customer
     * B's h3 share one MAC here. Under routing the controller keeps them apart as two hosts (by the service VLAN
     * each one's VLAN 10 reaches the provider in), so after h3 spoke last, h2's ping still reaches h1, not h3's
     * switch port; every customer pair answers, no pair across.
     */
    @Test
    void qinqCustomersThatShareAMacAreTwoHostsUnderRouting() {
        Topology topology = TopologyFiles.read(EXAMPLES.resolve("qinq.yaml"));
        String same = "02:00:00:00:00:13";   // a topology file refuses two hosts with one MAC: set by hand, as a customer could
        List<String> hostsSeen = new java.util.ArrayList<>();
        Set<String> reached = matrix(topology, List.of("routing"), Map.of(), lab -> {
            for (String name : List.of("h1", "h3")) {
                var host = lab.network().host(name);
                String dev = host.interfaces().get(0);
                for (String[] step : List.of(new String[] {"down"}, new String[] {"address", same}, new String[] {"up"})) {
                    var set = host.exec(java.util.stream.Stream.concat(java.util.stream.Stream.of("ip", "link", "set", "dev", dev),
                            java.util.Arrays.stream(step)).toArray(String[]::new));
                    assertThat(set.ok()).as("%s: ip link set %s: %s", name, String.join(" ", step), set.stderr()).isTrue();
                }
            }
            ping(lab, "h1", "10.0.0.2");   // customer A, then B: the shared MAC was last heard at h3's switch
            ping(lab, "h3", "10.0.0.4");
            ping(lab, "h2", "10.0.0.1");   // an address A already knows the MAC of: routed by the controller's host table
            ping(lab, "h4", "10.0.0.3");
            lab.embeddedController().orElseThrow().hosts().hosts().stream()
                    .filter(h -> h.mac().toString().equals(same))
                    .forEach(h -> hostsSeen.add("vlan " + h.vlan() + " service " + h.serviceVlan()));
        });

        assertThat(hostsSeen).as("the shared MAC in the controller's host table").containsExactlyInAnyOrder(
                "vlan 10 service 100", "vlan 10 service 200");
        assertThat(reached).containsExactlyInAnyOrder("h1->h2", "h2->h1", "h3->h4", "h4->h3");
    }

    /**
     * How many ARP requests for {@code target} tcpdump sees on each port while {@code from} tries to
     * reach it: captures on {@code expected} and {@code others} until {@code expected} has seen one and
     * the pinging is over (the requests went out together, so the others have had theirs by then).
     */
    private static Map<String, Long> arpRequestsSeen(Lab lab, String from, String target, String expected,
                                                     List<String> others) {
        Map<String, Process> dumps = new java.util.LinkedHashMap<>();
        Map<String, Path[]> files = new java.util.HashMap<>();
        try {
            for (String port : java.util.stream.Stream.concat(java.util.stream.Stream.of(expected), others.stream()).toList()) {
                Path err = Files.createTempFile("tcpdump", ".err");
                Path out = Files.createTempFile("tcpdump", ".out");
                files.put(port, new Path[] {err, out});
                dumps.put(port, new ProcessBuilder("tcpdump", "-n", "-l", "-i", PREFIX + port, "arp and host " + target)
                        .redirectError(err.toFile()).redirectOutput(out.toFile()).start());
                SystemTests.until("tcpdump listens on " + port, () -> read(err).contains("listening on"));
            }
            LabHost host = lab.host(from).orElseThrow();
            SystemTests.sh("ip", "netns", "exec", host.namespace(), "ping", "-c", "2", "-W", "1", target);
            SystemTests.until("an ARP request at " + expected, () -> read(files.get(expected)[1]).contains("who-has " + target));
            Map<String, Long> seen = new java.util.HashMap<>();
            for (var dump : dumps.entrySet()) {
                dump.getValue().destroy();
                dump.getValue().waitFor(10, TimeUnit.SECONDS);
                seen.put(dump.getKey(), read(files.get(dump.getKey())[1]).lines().filter(l -> l.contains("who-has " + target)).count());
            }
            return seen;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            dumps.values().forEach(Process::destroyForcibly);
            files.values().forEach(pair -> java.util.Arrays.stream(pair).forEach(f -> f.toFile().delete()));
        }
    }

    /**
     * The example keeps its promise ({@code pairs} reach each other, no others) in standalone mode, and
     * the matrix is the same under learning-switch and routing; tcpdump -e on {@code trunk} shows the
     * same tags ({@code tags}) for h1's pings of the first pair's far host in standalone mode and under
     * the controller.
     */
    private static void assertSameUnderEveryApp(String example, List<String> pairs, String trunk, String tags) {
        Topology topology = TopologyFiles.read(EXAMPLES.resolve(example));
        String far = pairs.get(0).substring(pairs.get(0).indexOf('>') + 1);
        List<Set<String>> seen = new java.util.ArrayList<>();
        Set<String> standalone = matrix(topology, List.of(), Map.of(), lab -> seen.add(trunkTags(lab, trunk, "h1", far)));
        Set<String> learning = matrix(topology, List.of("learning-switch"), Map.of(),
                lab -> seen.add(trunkTags(lab, trunk, "h1", far)));
        Set<String> routing = matrix(topology, List.of("routing"));

        assertThat(standalone).as("%s's promise, in standalone mode", example).containsExactlyInAnyOrderElementsOf(pairs);
        assertThat(learning).as("%s under learning-switch", example).isEqualTo(standalone);
        assertThat(routing).as("%s under routing", example).isEqualTo(standalone);
        assertThat(seen.get(0)).as("tcpdump -e on %s, standalone", trunk).containsExactly(tags);
        assertThat(seen.get(1)).as("tcpdump -e on %s under the controller", trunk).isEqualTo(seen.get(0));
    }

    @Test
    void theRouterOnAStickJoinsTwoVlansOneHopAwayAndItsGatewaysAnswer() {
        Topology topology = TopologyFiles.read(EXAMPLES.resolve("router-on-a-stick.yaml"));
        Map<String, Path> router = Map.of("router", Path.of("../apps/examples/router-on-a-stick.yaml"));
        String[] seen = new String[3];

        Set<String> standalone = matrix(topology, List.of());
        Set<String> routed = matrix(topology, List.of("router", "learning-switch"), router, lab -> {
            seen[0] = ping(lab, "h1", "10.0.10.254");   // the gateway of VLAN 10
            seen[1] = ping(lab, "h1", "10.0.20.4");     // across the router, into VLAN 20 on the other switch
            seen[2] = ping(lab, "h1", "10.0.10.3");     // inside VLAN 10, over the trunk
        });

        assertThat(standalone).as("standalone: no router, each VLAN alone").containsExactlyInAnyOrder("h1->h3", "h3->h1",
                "h2->h4", "h4->h2");
        assertThat(routed).as("with the router every host reaches every other").hasSize(12);
        assertThat(seen[0]).as("the gateway answers ping").contains("ttl=64");
        assertThat(seen[1]).as("a routed packet: one hop, ttl one less").contains("ttl=63");
        assertThat(seen[2]).as("switched inside the VLAN: no hop").contains("ttl=64");
    }

    @Test
    void aVlanSetupAnAppCannotKeepIsRefusedBeforeAnythingIsBuilt() {
        Topology topology = TopologyFiles.read(EXAMPLES.resolve("qinq.yaml"));
        LabSpec spec = new LabSpec(topology, List.of("router", "learning-switch"), ControllerChoice.EMBEDDED, FailMode.SECURE,
                PREFIX, RestConfig.off(), Map.of("router", Path.of("../apps/examples/router-on-a-stick.yaml")));

        assertThatThrownBy(() -> Lab.start(spec, Progress.SILENT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("app router cannot run this network's VLANs: it routes between 802.1Q VLANs")
                .hasMessageNotContaining("\n");
        assertThat(Leftovers.named(PREFIX)).isEmpty();
    }

    /** One ping's output (the reply line has the ttl the packet arrived with); on failure, the switches' flows. */
    private static String ping(Lab lab, String from, String to) {
        LabHost host = lab.host(from).orElseThrow();
        var result = SystemTests.sh("ip", "netns", "exec", host.namespace(), "ping", "-c", "2", "-W", "2", to);
        if (!result.ok()) {
            throw new AssertionError(from + " cannot ping " + to + ": " + result.stdout() + "\n" + String.join("\n",
                    lab.switchNames().stream().map(sw -> sw + ":\n" + String.join("\n", lab.network().bridge(sw).flows()))
                            .toList()));
        }
        return result.stdout();
    }

    /**
     * The tags of the ICMP frames tcpdump -e sees on a switch port while {@code from} pings {@code to},
     * each as "0x8100 vlan 10" (outer first).
     */
    static Set<String> trunkTags(Lab lab, String port, String from, String to) {
        try {
            String target = lab.hosts().stream().filter(h -> h.name().equals(to)).findFirst().orElseThrow().ip();
            ping(lab, from, target);   // ARP and flow set-up before the capture: it then sees the echoes only
            Path err = Files.createTempFile("tcpdump", ".err");
            Path printed = Files.createTempFile("tcpdump", ".out");
            Process dump = new ProcessBuilder("tcpdump", "-e", "-n", "-l", "-c", "4", "-i", PREFIX + port)
                    .redirectError(err.toFile()).redirectOutput(printed.toFile()).start();
            SystemTests.until("tcpdump listens on " + port, () -> read(err).contains("listening on"));
            ping(lab, from, target);
            if (!dump.waitFor(30, TimeUnit.SECONDS)) {
                dump.destroy();
                dump.waitFor(10, TimeUnit.SECONDS);
            }
            String out = read(printed);
            Files.deleteIfExists(err);
            Files.deleteIfExists(printed);
            Set<String> tags = new TreeSet<>();
            Pattern tag = Pattern.compile("ethertype \\S+ \\((0x8100|0x88a8)\\),(?: length \\d+:)? vlan (\\d+)");
            for (String line : out.split("\n")) {
                if (!line.contains("ICMP echo")) {
                    continue;
                }
                Matcher m = tag.matcher(line);
                StringBuilder sb = new StringBuilder();
                while (m.find()) {
                    sb.append(sb.length() == 0 ? "" : " ").append(m.group(1)).append(" vlan ").append(m.group(2));
                }
                tags.add(sb.toString());
            }
            return tags;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Every host pair that answers ping, as "h1->h3". A pair is asked twice (a controller's first packet
     * may be the one that sets up the path), so only a pair that never answers counts as apart.
     */
    static Set<String> matrix(Topology topology, List<String> apps) {
        return matrix(topology, apps, Map.of(), lab -> { });
    }

    /** The matrix, after {@code meanwhile} had the running lab (a capture, a ping of its own). */
    static Set<String> matrix(Topology topology, List<String> apps, Map<String, Path> configs, Consumer<Lab> meanwhile) {
        boolean standalone = apps.isEmpty();
        LabSpec spec = new LabSpec(topology, apps, standalone ? ControllerChoice.NONE : ControllerChoice.EMBEDDED,
                standalone ? FailMode.STANDALONE : FailMode.SECURE, PREFIX, RestConfig.off(), configs);
        Set<String> reached = new TreeSet<>();
        try (Lab lab = Lab.start(spec, Progress.SILENT)) {
            meanwhile.accept(lab);
            for (int round = 0; round < 2; round++) {
                PingResult result = lab.network().pingAll();
                result.outcomes().stream().filter(PingResult.Outcome::received)
                        .forEach(o -> reached.add(unprefixed(o.from()) + "->" + unprefixed(o.to())));
            }
        }
        assertThat(Leftovers.named(PREFIX)).isEmpty();
        return reached;
    }

    private static String unprefixed(String host) {
        return host.startsWith(PREFIX) ? host.substring(PREFIX.length()) : host;
    }
}
