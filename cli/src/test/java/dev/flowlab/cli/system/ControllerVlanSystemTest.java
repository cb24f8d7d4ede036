package dev.flowlab.cli.system;

import static dev.flowlab.lab.system.SystemTests.must;
import static dev.flowlab.lab.system.SystemTests.sh;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.lab.system.SystemTests;
import dev.flowlab.testkit.Leftovers;
import dev.flowlab.testkit.SystemTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flowlab controller} with a VLAN file ({@code --app-config vlans=FILE}) drives a bridge made by
 * hand, with no VLAN settings of its own in OVS: the ports' roles come from the file alone.
 */
@SystemTest(ControllerVlanSystemTest.PREFIX)
class ControllerVlanSystemTest {
    static final String PREFIX = "cv";
    private static final String BRIDGE = PREFIX + "s1";

    @Test
    void theVlanFileKeepsAHandMadeBridgesAccessPortsApart(@TempDir Path dir) throws Exception {
        Path vlans = Files.writeString(dir.resolve("vlans.yaml"), String.join("\n",
                "ports:",
                "  " + BRIDGE + "-eth1: {tag: 10}",
                "  " + BRIDGE + "-eth2: {tag: 10}",
                "  " + BRIDGE + "-eth3: {tag: 20}", ""));
        int port = SystemTests.freePort();
        try (FlowlabProcess controller = new FlowlabProcess("controller", "--apps", "learning-switch",
                "--app-config", "vlans=" + vlans, "--listen", "127.0.0.1:" + port,
                "--rest", "127.0.0.1:" + SystemTests.freePort())) {
            controller.awaitLine(l -> l.startsWith("controller listening on"), 60);
            try {
                build(port);
                controller.awaitLine(l -> l.contains(" up from "), 60);

                assertThat(ping("h1", "10.0.0.2")).as("h1 -> h2, both VLAN 10").isTrue();
                assertThat(ping("h3", "10.0.0.1")).as("h3 (VLAN 20) -> h1").isFalse();
                assertThat(ping("h2", "10.0.0.3")).as("h2 -> h3 (VLAN 20)").isFalse();
                assertThat(must("ovs-ofctl", "-O", "OpenFlow13", "dump-flows", BRIDGE))
                        .contains("in_port=1,vlan_tci=0x0000/0x1fff actions=push_vlan:0x8100,set_field:4106->vlan_vid,goto_table:1");
            } finally {
                tearDown();
            }
        }
        assertThat(Leftovers.named(PREFIX)).isEmpty();
    }

    /** One bridge in secure fail-mode, three namespace hosts on ports 1-3, no OVS VLAN settings. */
    private static void build(int port) {
        must("ovs-vsctl", "--", "add-br", BRIDGE, "--", "set", "bridge", BRIDGE, "datapath_type=netdev",
                "protocols=OpenFlow13", "fail_mode=secure", "other_config:datapath-id=00000000000000c1");
        for (int i = 1; i <= 3; i++) {
            String ns = PREFIX + "h" + i;
            String hostIf = ns + "-eth0";
            String switchIf = BRIDGE + "-eth" + i;
            must("ip", "netns", "add", ns);
            must("ip", "link", "add", hostIf, "type", "veth", "peer", "name", switchIf);
            must("ip", "link", "set", hostIf, "netns", ns);
            must("ip", "-n", ns, "addr", "add", "10.0.0." + i + "/24", "dev", hostIf);
            must("ip", "-n", ns, "link", "set", hostIf, "up");
            must("ip", "netns", "exec", ns, "ethtool", "-K", hostIf, "tx", "off");
            must("ethtool", "-K", switchIf, "tx", "off");
            must("ip", "link", "set", switchIf, "up");
            must("ovs-vsctl", "add-port", BRIDGE, switchIf, "--", "set", "interface", switchIf, "ofport_request=" + i);
        }
        must("ovs-vsctl", "set-controller", BRIDGE, "tcp:127.0.0.1:" + port);
    }

    /** Reached within two tries (the first packets go through the controller). */
    private static boolean ping(String from, String to) {
        for (int i = 0; i < 2; i++) {
            if (sh("ip", "netns", "exec", PREFIX + from, "ping", "-c1", "-W2", to).ok()) {
                return true;
            }
        }
        return false;
    }

    private static void tearDown() {
        sh("ovs-vsctl", "--if-exists", "del-br", BRIDGE);
        for (String n : List.of("1", "2", "3")) {
            sh("ip", "netns", "delete", PREFIX + "h" + n);
            sh("ip", "link", "delete", BRIDGE + "-eth" + n);
        }
    }
}
