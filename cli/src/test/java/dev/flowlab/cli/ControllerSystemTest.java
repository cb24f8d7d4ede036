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
import dev.flowlab.lab.system.SystemTests;
import dev.flowlab.testkit.Leftovers;
import dev.flowlab.testkit.SystemTest;
import dev.flowlab.topologies.Topologies;
import dev.flowlab.topologies.Topology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.types.DatapathId;

/**
 * The controller driving a real Open vSwitch bridge in fail_mode=secure (so nothing is forwarded
 * unless the controller says so), with three namespace hosts: every pair pings, the flows the app
 * installed are in the switch, and nothing is left afterwards. Prefixes cth and cts, not "ct": only
 * what the test makes (cth1.., cts1..).
 */
@SystemTest({"cth", "cts"})
class ControllerSystemTest {
    /** Everything this test creates starts with it: namespaces cth1..cth3, bridge cts1, ports cts1-eth*. */
    static final String PREFIX = "ct";
    private static final Duration WAIT = Duration.ofSeconds(30);

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
            String flows = SystemTests.must("ovs-ofctl", "-O", "OpenFlow13", "dump-flows", s1.name());
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

            String flows = SystemTests.must("ovs-ofctl", "-O", "OpenFlow13", "dump-flows", net.switches().get(0).name());
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
        assertThat(Leftovers.named(PREFIX + "h")).isEmpty();
        assertThat(Leftovers.named(PREFIX + "s")).isEmpty();
    }
}
