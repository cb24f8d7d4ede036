package dev.flowlab.dataplane;

import dev.flowlab.testkit.Leftovers;
import dev.flowlab.testkit.SystemTest;
import dev.flowlab.topologies.Topology;
import dev.flowlab.topologies.TopologyFiles;
import dev.flowlab.topologies.Tunnel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two flowlab networks (prefixes lnx, lny) whose switches are joined by a tunnel over an underlay made by
 * this test: two namespaces lnua, lnub with a veth between them, standing in for two machines.
 */
@SystemTest({TunnelTest.A, TunnelTest.B, "lnu"})
class TunnelTest {
    static final String A = "lnx";
    static final String B = "lny";
    private static final int VXLAN_PORT = 17242;

    /** The underlay is this test's own (not a flowlab network): it removes it itself. */
    @AfterEach
    void removeUnderlay() {
        ProcessRunner.run(List.of(Tools.path("ip"), "-force", "-batch", "-"), "netns del lnua\nnetns del lnub\n",
                ProcessRunner.DEFAULT_TIMEOUT);
    }

    @ParameterizedTest
    @EnumSource(Tunnel.Type.class)
    void hostsOnBothSidesOfTheTunnelPingEachOther(Tunnel.Type type) {
        KernelFeatures feature = type == Tunnel.Type.VXLAN ? KernelFeatures.VXLAN : KernelFeatures.GRE;
        makeUnderlay();
        Topology siteA = site("h1", "10.0.0.1/24", tunnel(type, "192.168.77.1", "192.168.77.2", "lnua"));
        Topology siteB = site("h2", "10.0.0.2/24", tunnel(type, "192.168.77.2", "192.168.77.1", "lnub"));
        if (!feature.available()) {
            assertThatThrownBy(() -> Network.start(siteA, NetworkOptions.builder().namePrefix(A).build()))
                    .isInstanceOf(DataplaneException.class)
                    .hasMessageStartingWith("tunnel lnxs1-" + (type == Tunnel.Type.GRE ? "gre2" : "vx2") + " needs "
                            + type.name() + " tunnels, which need the kernel's")
                    .hasMessageNotContaining("\n");
            assertThat(Leftovers.named(A)).isEmpty();
            return;
        }
        try (Network a = Network.start(siteA, NetworkOptions.builder().namePrefix(A).build());
             Network b = Network.start(siteB, NetworkOptions.builder().namePrefix(B).build())) {
            NamespaceHost h1 = a.host("h1");
            Reach.assertReaches(h1, "10.0.0.2");
            Reach.assertReaches(b.host("h2"), "10.0.0.1");

            int mtu = 1500 - type.overhead();
            assertThat(h1.exec("cat", "/sys/class/net/lnxh1-eth0/mtu").stdout().strip()).isEqualTo(String.valueOf(mtu));
            ExecResult full = h1.exec("ping", "-c1", "-W2", "-M", "do", "-s", String.valueOf(mtu - 28), "10.0.0.2");
            assertThat(full.exitCode()).as("a packet of the tunnel MTU crosses: " + full.stdout()).isZero();
            ExecResult tooBig = h1.exec("ping", "-c1", "-W2", "-M", "do", "-s", String.valueOf(mtu - 27), "10.0.0.2");
            assertThat(tooBig.exitCode()).as("one byte more is refused by h1 itself, not lost on the way").isNotZero();
            assertThat(tooBig.stdout() + tooBig.stderr()).contains("message too long");
        }
        assertThat(Leftovers.named(A)).isEmpty();
        assertThat(Leftovers.named(B)).isEmpty();
    }

    @Test
    void aMissingUnderlayNamespaceIsNamedBeforeAnythingIsBuilt() {
        Topology t = site("h1", "10.0.0.1/24", tunnel(Tunnel.Type.VXLAN, "192.168.77.1", "192.168.77.2", "lnua"));
        assertThatThrownBy(() -> Network.start(t, NetworkOptions.builder().namePrefix(A).build()))
                .hasMessage("tunnel lnxs1-vx2: underlay network namespace lnua does not exist: create it "
                        + "(ip netns add lnua) with the underlay address, or leave underlay_netns out to use this "
                        + "machine's own network");
        assertThat(Leftovers.named(A)).isEmpty();
    }

    @Test
    void theTwoMachineExamplesDescribeOneTunnel() {
        Topology a = TopologyFiles.read(Path.of("../topologies/examples/tunnel-site-a.yaml"));
        Topology b = TopologyFiles.read(Path.of("../topologies/examples/tunnel-site-b.yaml"));
        assertThat(a.tunnels().get(0).remote()).isEqualTo(b.tunnels().get(0).local());
        assertThat(a.tunnels().get(0).vni()).isEqualTo(b.tunnels().get(0).vni());
        assertThat(a.tunnels().get(0).effectiveMtu()).isEqualTo(1450);
    }

    private static Tunnel tunnel(Tunnel.Type type, String local, String remote, String underlay) {
        Tunnel t = type == Tunnel.Type.VXLAN
                ? Tunnel.vxlan("s1", local, remote, 42).withDstPort(VXLAN_PORT) : Tunnel.gre("s1", local, remote);
        return t.withUnderlayNamespace(underlay);
    }

    private static Topology site(String host, String ip, Tunnel tunnel) {
        return Topology.builder().addSwitch("s1").addHost(host, ip).addLink(host, "s1").addTunnel(tunnel).build();
    }

    /** Two namespaces joined by a veth, 192.168.77.1/30 and .2/30: the "machines' network". */
    private static void makeUnderlay() {
        ProcessRunner.check(List.of(Tools.path("ip"), "-batch", "-"), """
                netns add lnua
                netns add lnub
                link add lnua-u0 netns lnua type veth peer name lnub-u0 netns lnub
                """, ProcessRunner.DEFAULT_TIMEOUT);
        for (String[] end : List.of(new String[] {"lnua", "192.168.77.1"}, new String[] {"lnub", "192.168.77.2"})) {
            ProcessRunner.check(List.of(Tools.path("ip"), "-n", end[0], "-batch", "-"), "address add " + end[1] + "/30 dev "
                    + end[0] + "-u0\nlink set dev " + end[0] + "-u0 up\nlink set dev lo up\n", ProcessRunner.DEFAULT_TIMEOUT);
        }
    }
}
