package dev.flowlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.controller.Controller;
import dev.flowlab.controller.ControllerConfig;
import dev.flowlab.controller.api.App;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.dataplane.FailMode;
import dev.flowlab.dataplane.NamespaceHost;
import dev.flowlab.dataplane.Network;
import dev.flowlab.dataplane.NetworkOptions;
import dev.flowlab.dataplane.OvsBridge;
import dev.flowlab.topologies.Topologies;
import dev.flowlab.topologies.Topology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.types.DatapathId;

/**
 * The controller driving a real Open vSwitch bridge in fail_mode=secure (so nothing is forwarded
 * unless the controller says so), with three namespace hosts: every pair pings, the flows the app
 * installed are in the switch, and nothing is left afterwards.
 */
@Tag("system")
class ControllerSystemTest {
    /** Everything this test creates starts with it: namespaces cth1..cth3, bridge cts1, ports cts1-eth*. */
    private static final String PREFIX = "ct";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @BeforeEach
    void needsRootAndOvs() {
        Assumptions.assumeTrue(run("id", "-u").strip().equals("0"), "system test: needs root (namespaces, veths, OVS)");
        Assumptions.assumeTrue(exitCode("ovs-vsctl", "--timeout=5", "show") == 0, "system test: Open vSwitch is not running");
        assertNothingLeft();
    }

    @AfterEach
    void removeLeftovers() {
        for (String ns : list(Path.of("/var/run/netns"))) {
            exitCode("ip", "netns", "del", ns);
        }
        for (String bridge : bridges()) {
            exitCode("ovs-vsctl", "--if-exists", "del-br", bridge);
        }
        for (String link : list(Path.of("/sys/class/net"))) {
            exitCode("ip", "link", "del", link);
        }
    }

    private static Network network(Topology topology, Controller controller) {
        return Network.start(topology, NetworkOptions.builder()
                .namePrefix(PREFIX)
                .failMode(FailMode.SECURE)
                .controller("127.0.0.1", controller.address().getPort())
                .build());
    }

    /**
     * Every ordered pair of hosts exchanges one echo request and reply. Like Mininet's pingall, but
     * the reply may take 5 s instead of 1: the first packets of a pair (ARP, then ICMP) each make a
     * trip through the controller, and a machine running several test suites can be slow at that.
     */
    private static void connectAndPingAll(Controller controller, Network net) {
        List<DatapathId> dpids = net.switches().stream().map(b -> DatapathId.of(b.dpid())).toList();
        assertThat(controller.awaitSwitches(dpids, WAIT)).as("switches %s finished their handshake", dpids).isTrue();
        List<String> failed = new ArrayList<>();
        for (NamespaceHost from : net.hosts()) {
            for (NamespaceHost to : net.hosts()) {
                if (from != to && !from.exec(Duration.ofSeconds(10), "ping", "-c1", "-W5", "-q", to.ip()).ok()) {
                    failed.add(from.name() + "->" + to.name());
                }
            }
        }
        assertThat(failed).as("pairs that did not ping (0% loss expected)").isEmpty();
    }

    @Test
    void learningSwitchConnectsEveryPairAndInstallsTheirFlows() {
        List<String> events = new CopyOnWriteArrayList<>();
        App recorder = new App() {
            @Override
            public void onSwitchUp(Switch sw) {
                events.add("up " + sw.id().getLong());
            }

            @Override
            public void onSwitchDown(DatapathId dpid) {
                events.add("down " + dpid.getLong());
            }
        };
        try (Controller controller = Controller.start(config("learning-switch"), List.of(recorder));
             Network net = network(Topologies.single(3).withDeterministicMacs(), controller)) {
            connectAndPingAll(controller, net);

            OvsBridge s1 = net.switches().get(0);
            String flows = run("ovs-ofctl", "-O", "OpenFlow13", "dump-flows", s1.name());
            assertThat(flows).contains("priority=0 actions=CONTROLLER:65535");
            List<NamespaceHost> hosts = net.hosts();
            for (int a = 0; a < hosts.size(); a++) {
                for (int b = 0; b < hosts.size(); b++) {
                    if (a != b) {
                        assertThat(flows).contains("idle_timeout=60, priority=1,in_port=" + (a + 1) + ",dl_src=" + hosts.get(a).mac()
                                + ",dl_dst=" + hosts.get(b).mac() + " actions=output:" + (b + 1));
                    }
                }
            }
        }
        assertThat(events).containsExactly("up 1", "down 1");  // one connection, no flapping
        assertNothingLeft();
    }

    @Test
    void hubConnectsEveryPairWithoutInstallingFlows() {
        try (Controller controller = Controller.start(config("hub"));
             Network net = network(Topologies.single(3), controller)) {
            connectAndPingAll(controller, net);

            String flows = run("ovs-ofctl", "-O", "OpenFlow13", "dump-flows", net.switches().get(0).name());
            // Every entry (the table-miss, and the core's LLDP rule) sends to the controller: no forwarding flow.
            assertThat(flows).contains("priority=0 actions=CONTROLLER:65535");
            assertThat(flows.lines().filter(l -> l.contains("priority=")))
                    .allSatisfy(l -> assertThat(l).endsWith("actions=CONTROLLER:65535"));
        }
        assertNothingLeft();
    }

    @Test
    void learningSwitchAcrossALineOfSwitches() {
        try (Controller controller = Controller.start(config("learning-switch"));
             Network net = network(Topologies.linear(3), controller)) {
            connectAndPingAll(controller, net);
        }
        assertNothingLeft();
    }

    private static ControllerConfig config(String app) {
        return ControllerConfig.builder().apps(app).listen("127.0.0.1", 0).build();
    }

    private static void assertNothingLeft() {
        assertThat(list(Path.of("/var/run/netns"))).as("namespaces left").isEmpty();
        assertThat(list(Path.of("/sys/class/net"))).as("interfaces left").isEmpty();
        assertThat(bridges()).as("bridges left").isEmpty();
    }

    /** Our names only: cth1, cts1, cts1-eth1... never anyone else's. */
    private static boolean ours(String name) {
        return name.matches(PREFIX + "[hs]\\d+.*");
    }

    private static List<String> bridges() {
        return run("ovs-vsctl", "list-br").lines().filter(ControllerSystemTest::ours).toList();
    }

    private static List<String> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(ControllerSystemTest::ours).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String run(String... argv) {
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor(30, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static int exitCode(String... argv) {
        try {
            Process p = new ProcessBuilder(new ArrayList<>(List.of(argv))).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
