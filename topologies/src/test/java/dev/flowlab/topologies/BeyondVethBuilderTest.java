package dev.flowlab.topologies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The builder API of VLAN ports, aliases, NAT, TAP ports, tunnels and identity. */
class BeyondVethBuilderTest {
    @Test
    void aVlanGivenForALinkGoesToItsSwitchEndsOnly() {
        Topology t = Topology.builder().addSwitch("s1").addSwitch("s2").addHost("h1")
                .addLink("h1", "s1", PortVlan.access(10)).addLink("s1", "s2", PortVlan.trunk(10, 20)).build();
        assertThat(t.links().get(0).vlanA()).isNull();
        assertThat(t.links().get(0).vlanB()).isEqualTo(PortVlan.access(10));
        assertThat(t.links().get(1).vlanA()).isEqualTo(t.links().get(1).vlanB()).isEqualTo(PortVlan.trunk(10, 20));
        assertThat(PortVlan.access(10).ovsSettings()).containsExactly("vlan_mode=access", "tag=10");
        assertThat(PortVlan.trunk().ovsSettings()).containsExactly("vlan_mode=trunk", "trunks=[]");
        assertThat(PortVlan.qinq(100, 10, 11).ovsSettings()).containsExactly("vlan_mode=dot1q-tunnel", "tag=100", "cvlans=[10,11]");
    }

    @Test
    void tapsAndTunnelsTakeTheSwitchesNextFreePorts() {
        Topology t = Topology.builder().addSwitch("s1").addHost("h1").addHost("h2")
                .addLink("h1", "s1").addTap("s1").addLink("h2", "s1")
                .addTunnel(Tunnel.vxlan("s1", null, "192.168.77.2", 42)).build();
        assertThat(t.taps()).containsExactly(new TapPort("s1", 2));
        assertThat(t.tunnels().get(0).port()).isEqualTo(4);
        assertThat(t.tunnels().get(0).interfaceName()).isEqualTo("s1-vx4");
        assertThat(t.tunnels().get(0).effectiveMtu()).isEqualTo(1450);
        assertThat(t.tunnels().get(0).withMtu(9000 - 50).effectiveMtu()).isEqualTo(8950);
    }

    @Test
    void twoTunnelsTheKernelCannotTellApartAreRefused() {
        assertThatThrownBy(() -> Topology.builder().addSwitch("s1").addSwitch("s2")
                .addTunnel(Tunnel.vxlan("s1", null, "192.168.77.2", 42))
                .addTunnel(Tunnel.vxlan("s2", null, "192.168.77.2", 42)).build())
                .hasMessageStartingWith("tunnel s2-vx1 has the same endpoints, key and port as another tunnel");
    }

    @Test
    void aNatGatewayNeedsItsOutsideOnALaterLink() {
        Host gw = new Host("gw", "10.0.0.254/24", null, null).withNat(new Nat("s2", "192.168.7.1/24", null));
        Topology t = Topology.builder().addSwitch("s1").addSwitch("s2").addHost(gw)
                .addLink("gw", "s1").addLink("gw", "s2").build();
        assertThat(t.host("gw").orElseThrow().nat().address()).isEqualTo("192.168.7.1");
        assertThatThrownBy(() -> Topology.builder().addSwitch("s1").addSwitch("s2").addHost(gw)
                .addLink("gw", "s2").addLink("gw", "s1").build())
                .hasMessageContaining("its link to s2 is its first (eth0)");
        assertThatThrownBy(() -> new Nat("s2", "192.168.7.1/24", "10.0.0.1"))
                .hasMessage("nat: outside gateway '10.0.0.1' is not an address in 192.168.7.1/24's subnet");
    }

    @Test
    void extrasTakePartInEquality() {
        Topology plain = Topology.builder().addSwitch("s1").addHost("h1").addLink("h1", "s1").build();
        Topology named = Topology.builder().addSwitch("s1").addHost("h1").addLink("h1", "s1")
                .identity(Identity.HOSTNAMES).build();
        assertThat(named).isNotEqualTo(plain);
        assertThat(named.withDeterministicMacs().identity()).contains(Identity.HOSTNAMES);
        assertThatThrownBy(() -> new Host("h1", "10.0.0.1/8", null, null).withAliases("10.0.0.2/8", "10.0.0.2/8"))
                .hasMessage("host h1: address 10.0.0.2/8 is given twice; each alias needs its own address");
    }
}
