package dev.flowlab.dataplane;

import dev.flowlab.testkit.Leftovers;
import dev.flowlab.testkit.SystemTest;
import dev.flowlab.topologies.Host;
import dev.flowlab.topologies.HostVlan;
import dev.flowlab.topologies.PortVlan;
import dev.flowlab.topologies.Topology;
import dev.flowlab.topologies.TopologyFiles;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 802.1ad QinQ: service VLANs pushed by provider switches, both tags seen on the trunk; hosts tagging twice. */
@SystemTest({QinqTest.PREFIX, "lna", "lnb", "lns"})   // the second test names hosts a, b and s1 under "ln"
class QinqTest {
    static final String PREFIX = "lnq";
    private static final Path EXAMPLES = Path.of("../topologies/examples");
    private static final String TRUNK = "lnqp1-eth3";

    final SystemTestNetwork sys = new SystemTestNetwork(PREFIX);

    @Test
    void customersReachTheirOwnSitesAndTheTrunkCarriesBothTags() throws Exception {
        Tools.require("tcpdump");
        try (Network net = sys.start(TopologyFiles.read(EXAMPLES.resolve("qinq.yaml")))) {
            NamespaceHost h1 = net.host("h1");
            Reach.assertReaches(h1, net.host("h2").ip());
            Reach.assertReaches(net.host("h3"), net.host("h4").ip());
            Reach.assertDoesNotReach(h1, net.host("h4").ip());   // same C-VLAN and subnet, other service VLAN
            ExecResult full = h1.exec("ping", "-c1", "-W2", "-M", "do", "-s", "1472", net.host("h2").ip());
            assertThat(full.exitCode()).as("a full 1500-byte packet with two tags: " + full.stdout()).isZero();

            String line = captureDoubleTaggedEcho(h1, net.host("h2").ip());
            assertThat(line).contains("ethertype 802.1Q-QinQ (0x88a8)", "vlan 100", "ethertype 802.1Q (0x8100)",
                    "vlan 10,", "10.0.0.1 > 10.0.0.2: ICMP echo request");
        }
        sys.assertNothingLeft();
    }

    @Test
    void hostsTagTwiceThemselvesOrTheMissingKernelFeatureIsNamed() {
        assertThat(TopologyFiles.read(EXAMPLES.resolve("qinq-host-tagging.yaml")).hosts()).hasSize(2);
        // The example's h1-eth0.100.10 plus a prefix exceeds Linux's 15 characters: one-letter hosts here.
        Topology topology = Topology.builder().addSwitch("s1")
                .addHost(new Host("a", "10.0.0.1/24", null, null).withVlans(HostVlan.qinq(100, 10, "10.10.0.1/24")))
                .addHost(new Host("b", "10.0.0.2/24", null, null).withVlans(HostVlan.qinq(100, 10, "10.10.0.2/24")))
                .addLink("a", "s1", PortVlan.trunk(100)).addLink("b", "s1", PortVlan.trunk(100)).build();
        NetworkOptions options = NetworkOptions.builder().namePrefix("ln").build();
        if (!KernelFeatures.VLAN_8021AD.available()) {
            assertThatThrownBy(() -> Network.start(topology, options))
                    .isInstanceOf(DataplaneException.class)
                    .hasMessageStartingWith("host lna needs 802.1ad (QinQ) sub-interfaces, which need the kernel's "
                            + "VLAN support with 802.1ad (module 8021q, CONFIG_VLAN_8021Q); this machine lacks it (")
                    .hasMessageNotContaining("\n");
            assertThat(Leftovers.named("lna")).isEmpty();
            return;
        }
        try (Network net = Network.start(topology, options)) {
            Reach.assertReaches(net.host("a"), "10.10.0.2");
            ExecResult full = net.host("a").exec("ping", "-c1", "-W2", "-M", "do", "-s", "1464", "10.10.0.2");
            assertThat(full.exitCode()).as("a full frame at the sub-interface's MTU 1492: " + full.stdout()).isZero();
        }
        assertThat(Leftovers.named("lna")).isEmpty();
    }

    /** tcpdump -e on the provider trunk while h1 pings: the first echo request line it prints. */
    private static String captureDoubleTaggedEcho(NamespaceHost from, String target) throws Exception {
        Process tcpdump = new ProcessBuilder(Tools.path("tcpdump"), "-l", "-n", "-e", "-i", TRUNK, "-c", "200")
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(tcpdump.getInputStream(), StandardCharsets.UTF_8))) {
            CompletableFuture<String> echo = CompletableFuture.supplyAsync(() -> out.lines()
                    .filter(l -> l.contains("ICMP echo request")).findFirst().orElse("(none captured)"));
            // tcpdump needs a moment to attach; keep pinging until it shows the frame or time is up.
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!echo.isDone() && System.nanoTime() < deadline) {
                from.exec("ping", "-c1", "-W1", target);
            }
            return echo.get(5, TimeUnit.SECONDS);
        } finally {
            tcpdump.destroy();
            tcpdump.waitFor(5, TimeUnit.SECONDS);
        }
    }

}
