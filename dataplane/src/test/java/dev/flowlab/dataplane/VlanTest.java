package dev.flowlab.dataplane;

import dev.flowlab.testkit.SystemTest;
import dev.flowlab.topologies.TopologyFiles;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 802.1Q VLANs: access and trunk ports on the switches, and hosts that tag their own frames. */
@SystemTest(VlanTest.PREFIX)
class VlanTest {
    static final String PREFIX = "lnv";
    private static final Path EXAMPLES = Path.of("../topologies/examples");

    final SystemTestNetwork sys = new SystemTestNetwork(PREFIX);

    @Test
    void twoVlansOverOneTrunkKeepTheirHostsApart() {
        try (Network net = sys.start(TopologyFiles.read(EXAMPLES.resolve("vlans.yaml")))) {
            NamespaceHost h1 = net.host("h1");
            NamespaceHost h2 = net.host("h2");
            NamespaceHost h3 = net.host("h3");
            assertThat(ovsPort("lnvs1-eth1", "tag")).isEqualTo("10");
            assertThat(ovsPort("lnvs1-eth3", "trunks")).isEqualTo("[10, 20]");
            assertThat(ovsPort("lnvs2-eth3", "vlan_mode")).isEqualTo("trunk");

            Reach.assertReaches(h1, h3.ip());                 // VLAN 10 across the trunk
            Reach.assertReaches(h2, net.host("h4").ip());     // VLAN 20 across the trunk
            Reach.assertDoesNotReach(h1, h2.ip());            // same switch, other VLAN
            Reach.assertDoesNotReach(h1, net.host("h4").ip()); // other switch, other VLAN
            Reach.assertDoesNotReach(h3, h2.ip());
        }
        sys.assertNothingLeft();
    }

    /** Where the kernel has 8021q the host's sub-interface carries VLAN 10; where it lacks it, one clear line. */
    @Test
    void aHostTagsItsOwnFramesOrTheMissingKernelFeatureIsNamed() {
        var topology = TopologyFiles.read(EXAMPLES.resolve("vlan-host-tagging.yaml"));
        NetworkOptions options = sys.options().build();
        if (!KernelFeatures.VLAN_8021Q.available()) {
            assertThatThrownBy(() -> Network.start(topology, options))
                    .isInstanceOf(DataplaneException.class)
                    .hasMessageStartingWith("host lnvh1 needs 802.1Q VLAN sub-interfaces, which need the kernel's VLAN "
                            + "support (module 8021q, CONFIG_VLAN_8021Q); this machine lacks it (")
                    .hasMessageEndingWith("): modprobe 8021q, or tag at the switch instead (access ports: vlan: {tag: N})")
                    .hasMessageNotContaining("\n");
            sys.assertNothingLeft();
            return;
        }
        try (Network net = Network.start(topology, options)) {
            assertThat(net.host("h1").exec("ip", "-br", "address", "show", "lnvh1-eth0.10").stdout()).contains("10.10.0.1/24");
            Reach.assertReaches(net.host("h2"), "10.10.0.1");
            Reach.assertReaches(net.host("h1"), net.host("h2").ip());
        }
        sys.assertNothingLeft();
    }

    static String ovsPort(String port, String column) {
        return ProcessRunner.check(Tools.path("ovs-vsctl"), "get", "port", port, column).stdout().strip().replace("\"", "");
    }
}
