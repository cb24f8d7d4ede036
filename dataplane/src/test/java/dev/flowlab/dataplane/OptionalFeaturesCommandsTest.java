package dev.flowlab.dataplane;

import dev.flowlab.topologies.Topology;
import dev.flowlab.topologies.TopologyFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The commands the extras turn into, checked without root: ip batch lines, OVS arguments, the run record. */
class OptionalFeaturesCommandsTest {
    private static final Topology ALL = TopologyFiles.parse("""
            hosts:
              - {name: h1, ip: 10.0.0.1/24, aliases: [10.0.0.101/24], vlans: [{id: 10, ip: 10.10.0.1/24}, {id: 20, outer: 100, ip: 10.20.0.1/24}]}
              - {name: gw, ip: 10.0.0.254/24, nat: {outside: s2, ip: 192.168.7.1/24, gateway: 192.168.7.254}}
            switches: [{name: s1}, {name: s2}]
            links:
              - {a: h1, b: s1, vlan: {trunks: [10, 100]}}
              - {a: gw, b: s1, vlan: {tag: 10}}
              - {a: gw, b: s2}
              - {a: s1, b: s2, vlan_a: {qinq: 100}, vlan_b: {trunks: []}}
            taps: [{switch: s1}]
            tunnels: [{switch: s2, type: vxlan, remote: 192.168.77.2, vni: 42, dst_port: 17242, underlay_netns: u1}]
            """, "all.yaml");

    @TempDir
    Path dir;

    @AfterEach
    void restore() {
        System.clearProperty("flowlab.state.dir");
    }

    @Test
    void hostLinesMakeAliasesSubInterfacesAndTheNatOutside() {
        Topology t = ALL;
        assertThat(IpAliases.hostLines(t.host("h1").orElseThrow())).containsExactly("address add 10.0.0.101/24 dev h1-eth0");
        assertThat(VlanSetup.hostLines(t.host("h1").orElseThrow())).containsExactly(
                "link add link h1-eth0 name h1-eth0.10 type vlan id 10",
                "address add 10.10.0.1/24 dev h1-eth0.10",
                "link set dev h1-eth0.10 up",
                "link add link h1-eth0 name h1-eth0.100 type vlan protocol 802.1ad id 100",
                "link set dev h1-eth0.100 up",
                "link add link h1-eth0.100 name h1-eth0.100.20 mtu 1492 type vlan id 20",
                "address add 10.20.0.1/24 dev h1-eth0.100.20",
                "link set dev h1-eth0.100.20 up");
        assertThat(NatNode.hostLines(t, t.host("gw").orElseThrow())).containsExactly(
                "address add 192.168.7.1/24 dev gw-eth1", "link set dev gw-eth1 up",
                "route add default via 192.168.7.254 dev gw-eth1");
    }

    @Test
    void ovsArgumentsSetVlanRolesAndAddTapAndTunnelPorts() {
        String args = String.join(" ", OptionalFeatures.ovsArgs(ALL));
        assertThat(args).contains("-- set port s1-eth1 vlan_mode=trunk trunks=[10,100]",
                "-- set port s1-eth2 vlan_mode=access tag=10",
                "-- set port s1-eth3 vlan_mode=dot1q-tunnel tag=100 cvlans=[]",
                "-- set port s2-eth2 vlan_mode=trunk trunks=[]",
                "-- add-port s1 s1-tap4 -- set interface s1-tap4 ofport_request=4",
                "-- add-port s2 s2-vx3 -- set interface s2-vx3 ofport_request=3");
        assertThat(VlanSetup.trunkMtuLines(ALL)).containsExactly("link set dev s1-eth3 mtu 1508", "link set dev s2-eth2 mtu 1508");
    }

    @Test
    void rootDevicesAreCreatedInTheRunsGroupAndTheTunnelInsideItsUnderlay() {
        assertThat(TapPorts.creationLines(ALL, 77)).containsExactly("tuntap add dev s1-tap4 mode tap",
                "link set dev s1-tap4 group 77");
        Map<String, List<String>> tunnels = TunnelLinks.creationLines(ALL, 77);
        assertThat(tunnels).containsOnlyKeys("u1");
        assertThat(tunnels.get("u1")).containsExactly("link add s2-vx3 netns " + ProcessHandle.current().pid()
                + " group 77 mtu 1450 type vxlan id 42 remote 192.168.77.2 dstport 17242");
        assertThat(OptionalFeatures.rootDevices(ALL)).containsExactly("s1-tap4", "s2-vx3");
        assertThat(TunnelLinks.hostMtu(ALL)).isEqualTo(1450);
        assertThat(new Plan(ALL).rootNames()).contains("s1-tap4", "s2-vx3", "s1-eth1");
    }

    @Test
    void theRunRecordKeepsTheHostIdentitiesForTeardown() {
        System.setProperty("flowlab.state.dir", dir.toString());
        RunState s = new RunState("xyz", 1, 2, 3, List.of("h1", "h2"), List.of("s1-eth1"), List.of("s1"),
                List.of("h1", "h2"));
        s.save();
        assertThat(RunState.load(s.file())).isEqualTo(s);
        RunState without = new RunState("old", 1, 2, 3, List.of(), List.of(), List.of());
        without.save();
        assertThat(RunState.load(without.file()).identities()).isEmpty();
        assertThat(HostIdentity.utsFile("h1")).isEqualTo(dir.resolveSibling("uts").resolve("h1"));
    }
}
