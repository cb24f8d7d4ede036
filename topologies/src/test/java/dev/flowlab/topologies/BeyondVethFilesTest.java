package dev.flowlab.topologies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** File syntax of VLANs, QinQ, aliases, NAT, TAP ports, tunnels and host identity: reading, writing, errors. */
class BeyondVethFilesTest {
    static final String ALL = """
            hosts:
              - {name: h1, ip: 10.0.0.1/24, aliases: [10.0.0.101/24, 10.9.0.1/16]}
              - {name: h2, ip: 10.0.0.2/24, vlans: [{id: 10, ip: 10.10.0.2/24}, {id: 20, outer: 100, ip: 10.20.0.2/24}]}
              - {name: h3, ip: 10.0.0.3/24, gateway: 10.0.0.254}
              - name: gw
                ip: 10.0.0.254/24
                nat: {outside: s3, ip: 192.168.7.1/24, gateway: 192.168.7.254}
              - {name: out1, ip: 192.168.7.10/24}
            switches:
              - {name: s1}
              - {name: s2}
              - {name: s3}
            links:
              - {a: h1, b: s1, vlan: {tag: 10}}
              - {a: h2, b: s1, vlan: {trunks: [10, 20]}}
              - {a: h3, b: s2}
              - {a: s1, b: s2, vlan_a: {trunks: []}, vlan_b: {qinq: 100, cvlans: [10]}}
              - {a: gw, b: s2}
              - {a: gw, b: s3}
              - {a: out1, b: s3}
            taps:
              - {switch: s1}
              - {switch: s2, port: 9}
            tunnels:
              - {switch: s3, type: vxlan, remote: 192.168.77.2, local: 192.168.77.1, vni: 42, dst_port: 17242,
                 underlay_netns: under1, mtu: 1400}
              - {switch: s3, type: gre, remote: 192.168.78.2, local: 192.168.78.1, key: 7}
            identity: {domain: lab, nameservers: [10.0.0.53], search: [lab]}
            """;

    @Test
    void readsEveryNewKey() {
        Topology t = TopologyFiles.parse(ALL, "all.yaml");
        Host h1 = t.host("h1").orElseThrow();
        assertThat(h1.aliases()).containsExactly("10.0.0.101/24", "10.9.0.1/16");
        assertThat(t.host("h2").orElseThrow().vlans())
                .containsExactly(HostVlan.tagged(10, "10.10.0.2/24"), HostVlan.qinq(100, 20, "10.20.0.2/24"));
        assertThat(t.host("gw").orElseThrow().nat()).isEqualTo(new Nat("s3", "192.168.7.1/24", "192.168.7.254"));
        assertThat(t.links().get(0).vlanB()).isEqualTo(PortVlan.access(10));
        assertThat(t.links().get(0).vlanA()).as("a host end has no port VLAN").isNull();
        assertThat(t.links().get(1).vlanOf("s1")).isEqualTo(PortVlan.trunk(10, 20));
        assertThat(t.links().get(3).vlanA()).isEqualTo(PortVlan.trunk());
        assertThat(t.links().get(3).vlanB()).isEqualTo(PortVlan.qinq(100, 10));
        assertThat(t.taps()).containsExactly(new TapPort("s1", 4), new TapPort("s2", 9));
        assertThat(t.tunnels()).containsExactly(
                new Tunnel("s3", 3, Tunnel.Type.VXLAN, "192.168.77.2", "192.168.77.1", 42, 17242, "under1", 1400),
                new Tunnel("s3", 4, Tunnel.Type.GRE, "192.168.78.2", "192.168.78.1", 7, null, null, null));
        assertThat(t.tunnels().get(0).interfaceName()).isEqualTo("s3-vx3");
        assertThat(t.tunnels().get(1).interfaceName()).isEqualTo("s3-gre4");
        assertThat(t.tunnels().get(1).effectiveMtu()).isEqualTo(1500 - 38 - 4);
        assertThat(t.identity()).contains(new Identity("lab", List.of("10.0.0.53"), List.of("lab")));
    }

    @Test
    void writesWhatItReadsInYamlAndJson() {
        Topology t = TopologyFiles.parse(ALL, "all.yaml");
        assertThat(TopologyFiles.parse(TopologyFiles.toYaml(t), "again.yaml")).isEqualTo(t);
        assertThat(TopologyFiles.parse(TopologyFiles.toJson(t), "again.json")).isEqualTo(t);
        assertThat(TopologyFiles.toYaml(t)).contains("vlan:").contains("vlan_b:").contains("qinq: 100")
                .doesNotContain("port: 4");
    }

    @Test
    void emptyIdentityMeansHostnamesAndHostsFilesOnly() {
        Topology t = TopologyFiles.parse("""
                hosts: [{name: h1}]
                switches: [{name: s1}]
                links: [{a: h1, b: s1}]
                identity: {}
                """, "i.yaml");
        assertThat(t.identity()).contains(Identity.HOSTNAMES);
        assertThat(TopologyFiles.parse(TopologyFiles.toYaml(t), "i.yaml")).isEqualTo(t);
    }

    @Test
    void aPrefixRenamesSwitchEndsButNotUnderlays() {
        Topology t = TopologyFiles.parse(ALL, "all.yaml").withPrefix("x");
        assertThat(t.tunnels().get(0).interfaceName()).isEqualTo("xs3-vx3");
        assertThat(t.tunnels().get(0).underlayNamespace()).isEqualTo("under1");
        assertThat(t.taps().get(0).interfaceName()).isEqualTo("xs1-tap4");
        assertThat(t.host("xgw").orElseThrow().nat().outside()).isEqualTo("xs3");
        assertThat(t.links().get(0).vlanB()).isEqualTo(PortVlan.access(10));
        assertThat(t.identity()).isPresent();
        assertThatThrownBy(() -> TopologyFiles.parse(ALL, "all.yaml").withPrefix("ln"))
                .hasMessage("host lnh2: VLAN interface lnh2-eth0.100.20 is 16 characters; Linux allows 15: "
                        + "use a shorter host name");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{a: h1, b: s1, vlan: {tag: 10}}                 | {a: h1, b: s1, vlan: {tag: 5000}}              | 6 | link h1 <-> s1: access VLAN tag must be 1..4094, not 5000",
            "{a: h1, b: s1, vlan: {tag: 10}}                 | {a: h1, b: s1, vlan: {tag: 1, trunks: [2]}}    | 6 | link h1 <-> s1: a port's vlan is one of {tag: 10} (access), {trunks: [10, 20]} (trunk; [] for all VLANs) or {qinq: 100} (802.1ad service VLAN), not several",
            "{a: h1, b: s1, vlan: {tag: 10}}                 | {a: h1, b: s1, vlan_a: {tag: 10}}              | 6 | link h1 <-> s1: h1 is a host, and VLAN settings are for switch ports; give the host tagged sub-interfaces with its 'vlans' instead",
            "{a: h1, b: s1, vlan: {tag: 10}}                 | {a: h1, b: s1, vlan: {tagg: 10}}               | 6 | link h1 <-> s1: unknown key 'tagg' (valid keys of a port's vlan: tag, trunks, qinq, cvlans)",
            "{a: h1, b: s1, vlan: {tag: 10}}                 | {a: h1, b: h2, vlan: {tag: 10}}                | 6 | link h1 <-> h2: vlan settings are for switch ports, and neither end is a switch; give hosts tagged sub-interfaces with their 'vlans'",
            "{name: h1, aliases: [10.0.0.9/8]}               | {name: h1, aliases: [10.0.0.9]}                | 2 | host h1: alias '10.0.0.9' is not an IPv4 address with prefix length, like 10.0.0.101/8",
            "{name: h1, aliases: [10.0.0.9/8]}               | {name: h1, aliases: [10.0.0.2/8]}              | 2 | host h1: alias 10.0.0.2/8 is h2's address too: give each host its own addresses",
            "{name: h1, aliases: [10.0.0.9/8]}               | {name: h1, vlans: [{ip: 10.10.0.1/24}]}        | 2 | host h1: each VLAN needs an id, like {id: 10, ip: 10.10.0.1/24}",
            "{name: h1, aliases: [10.0.0.9/8]}               | {name: h1, vlans: [{id: 0, ip: 10.1.0.1/24}]}  | 2 | host h1: VLAN id must be 1..4094, not 0",
            "{name: h1, aliases: [10.0.0.9/8]}               | {name: h1, nat: {outside: s1, ip: 1.2.3.4/24}} | 2 | host h1: its link to s1 is its first (eth0), which carries its inside address 10.0.0.1/8; list its inside link first",
            "{name: h1, aliases: [10.0.0.9/8]}               | {name: h1, nat: {outside: s7, ip: 1.2.3.4/24}} | 2 | host h1: nat outside s7 is not linked to it; link it to the outside switch",
            "{switch: s1}                                    | {switch: s9}                                   | 9 | tap on s9: s9 is not a switch of this topology; add it first",
            "{switch: s1}                                    | {switch: s1, port: 1}                          | 9 | tap on s1: port 1 of s1 is already used by another link; pick a free port or leave it out",
            "{switch: s1, type: vxlan, remote: 10.9.9.9}     | {switch: s1, type: ipip, remote: 10.9.9.9}     | 11 | tunnel on s1: type 'ipip' is not a tunnel type flowlab knows: vxlan or gre",
            "{switch: s1, type: vxlan, remote: 10.9.9.9}     | {switch: s1, type: gre, remote: 10.9.9.9}      | 11 | tunnel on s1: a GRE tunnel needs its local underlay address",
            "{switch: s1, type: vxlan, remote: 10.9.9.9}     | {switch: s1, type: vxlan, remote: far}         | 11 | tunnel on s1: remote 'far' is not an IPv4 address like 192.168.77.2",
            "{switch: s1, type: vxlan, remote: 10.9.9.9}     | {switch: s1, type: vxlan, remote: 10.9.9.9, vni: 0} | 11 | tunnel on s1: VXLAN network id must be 1..16777215, not 0",
            "{switch: s1, type: vxlan, remote: 10.9.9.9}     | {switch: s1, type: vxlan, remote: 10.9.9.9, key: 3} | 11 | tunnel on s1: a VXLAN tunnel has a vni, not a key",
            "'{domain: lab}'                                 | '{domain: \"bad domain\"}'                     | 12 | identity: domain 'bad domain' is not a DNS name like lab.example",
            "'{domain: lab}'                                 | '{search: [lab]}'                              | 12 | identity: search domains go into resolv.conf, which needs nameservers too",
    })
    void badEntriesNameTheFileLineAndElement(String good, String bad, int line, String problem) {
        String file = """
                hosts:
                  - {name: h1, aliases: [10.0.0.9/8]}
                  - {name: h2}
                switches: [{name: s1}]
                links:
                  - {a: h1, b: s1, vlan: {tag: 10}}
                  - {a: h2, b: s1}
                taps:
                  - {switch: s1}
                tunnels:
                  - {switch: s1, type: vxlan, remote: 10.9.9.9}
                identity: '{domain: lab}'
                """.replace("'{domain: lab}'", "{domain: lab}");
        String goodText = good.equals("'{domain: lab}'") ? "{domain: lab}" : good;
        String badText = bad.startsWith("'") ? bad.substring(1, bad.length() - 1) : bad;
        assertThat(TopologyFiles.parse(file, "x.yaml").hosts()).hasSize(2);
        assertThatThrownBy(() -> TopologyFiles.parse(file.replace(goodText, badText), "x.yaml"))
                .isInstanceOf(TopologyFileException.class)
                .hasMessage("x.yaml, line " + line + ": " + problem);
    }
}
