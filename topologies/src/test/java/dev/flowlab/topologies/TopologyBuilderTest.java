package dev.flowlab.topologies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TopologyBuilderTest {

    @Test
    void numbersPortsInLinkOrderAndAddressesInHostOrder() {
        Topology t = Topology.builder().addSwitch("s1").addSwitch("s2").addHost("h1").addHost("h2")
                .addLink("h1", "s1").addLink("s1", "s2").addLink("s2", "h2").build();
        assertThat(t.links()).containsExactly(new Link("h1", 0, "s1", 1, LinkParams.NONE),
                new Link("s1", 2, "s2", 1, LinkParams.NONE), new Link("s2", 2, "h2", 0, LinkParams.NONE));
        assertThat(t.port("s1", "h1")).contains(1);
        assertThat(t.port("s2", "s1")).contains(1);
        assertThat(t.port("s1", "h2")).isEmpty();
        assertThat(t.host("h2").orElseThrow().ip()).isEqualTo("10.0.0.2/8");
        assertThat(t.links().get(1).interfaceA()).isEqualTo("s1-eth2");
    }

    @Test
    void explicitPortsAreKeptAndAutomaticOnesSkipThem() {
        Topology t = Topology.builder().addSwitch("s1").addHost("h1").addHost("h2")
                .addLink(new Link("h1", 0, "s1", 2, LinkParams.NONE)).addLink("h2", "s1").build();
        assertThat(t.port("s1", "h1")).contains(2);
        assertThat(t.port("s1", "h2")).contains(3);
    }

    @Test
    void dpidIsTheFirstNumberInTheNameLikeMininetElseTheLowestFree() {
        Topology t = Topology.builder().addSwitch("core").addSwitch("s12").addSwitch("s1x2")
                .addSwitch("dist1").addSwitch("s7", 1).build();
        assertThat(t.switches()).extracting(Switch::name, Switch::dpid)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("core", 2L),
                        org.assertj.core.groups.Tuple.tuple("s12", 12L),
                        org.assertj.core.groups.Tuple.tuple("s1x2", 3L),     // 1 is s7's, given explicitly
                        org.assertj.core.groups.Tuple.tuple("dist1", 4L),
                        org.assertj.core.groups.Tuple.tuple("s7", 1L));
        assertThat(t.switchNamed("s12").orElseThrow().dpidHex()).isEqualTo("000000000000000c");
    }

    @Test
    void linkParamsRideAlong() {
        LinkParams p = LinkParams.bandwidth(10).withDelay(Duration.ofMillis(5)).withJitter(Duration.ofMillis(1))
                .withLoss(0.5).withMaxQueue(100);
        Topology t = Topology.builder().addSwitch("s1").addSwitch("s2").addLink("s1", "s2", p).build();
        assertThat(t.links().get(0).params()).isEqualTo(new LinkParams(10.0, Duration.ofMillis(5),
                Duration.ofMillis(1), 0.5, 100));
        assertThat(p.needsNetem()).isTrue();
        assertThat(LinkParams.bandwidth(10).needsNetem()).isFalse();
        assertThat(LinkParams.NONE.isNone()).isTrue();
    }

    @Test
    void withPrefixRenamesEverythingAndKeepsPorts() {
        Topology t = Topologies.reversed(3).withPrefix("a");
        assertThat(t.hosts()).extracting(Host::name).containsExactly("ah1", "ah2", "ah3");
        assertThat(t.port("as1", "ah1")).contains(3);
        assertThat(t.switches().get(0).dpid()).isEqualTo(1);
    }

    @Test
    void topologiesAreEqualByContent() {
        assertThat(Topologies.tree(2, 2)).isEqualTo(Topologies.tree(2, 2)).isNotEqualTo(Topologies.tree(2, 3));
        assertThat(Topologies.tree(2, 2)).hasSameHashCodeAs(Topologies.tree(2, 2));
        assertThat(Topologies.tree(2, 2).toString()).isEqualTo("Topology[4 hosts, 3 switches, 6 links]");
    }

    @Test
    void duplicateNamesAreRefused() {
        assertThatThrownBy(() -> Topology.builder().addHost("h1").addSwitch("h1"))
                .isInstanceOf(TopologyException.class)
                .hasMessage("node h1 is defined twice: node names must be unique");
    }

    @Test
    void danglingAndSelfLinksAreRefused() {
        assertThatThrownBy(() -> Topology.builder().addSwitch("s1").addLink("s1", "s9"))
                .hasMessage("link s1 <-> s9 names s9, which is not a host or switch of this topology; add it first")
                .extracting(e -> ((TopologyException) e).element()).isEqualTo("s1 <-> s9");
        assertThatThrownBy(() -> Topology.builder().addSwitch("s1").addLink("s1", "s1"))
                .hasMessageContaining("cannot be linked to itself");
    }

    @Test
    void usedAndOutOfRangePortsAreRefused() {
        TopologyBuilder b = Topology.builder().addSwitch("s1").addHost("h1").addHost("h2").addLink("h1", "s1");
        assertThatThrownBy(() -> b.addLink(new Link("h2", 0, "s1", 1, LinkParams.NONE)))
                .hasMessage("link h2 <-> s1: port 1 of s1 is already used by another link; pick a free port or leave it out");
        assertThatThrownBy(() -> b.addLink(new Link("h2", 0, "s1", 0, LinkParams.NONE)))
                .hasMessageContaining("port 0 of s1 is out of range; switch ports start at 1");
    }

    @Test
    void namesThatMakeInterfacesLongerThan15CharactersAreRefused() {
        assertThatThrownBy(() -> Topology.builder().addSwitch("distribution1"))
                .hasMessageContaining("switch name 'distribution1' is too long: its interface distribution1-eth0"
                        + " would exceed Linux's 15 characters; use at most 10 characters");
        TopologyBuilder b = Topology.builder().addSwitch("sw12345678");
        for (int i = 1; i <= 9; i++) {
            b.addHost("h" + i).addLink("h" + i, "sw12345678");
        }
        b.addHost("h10");
        assertThatThrownBy(() -> b.addLink("h10", "sw12345678"))
                .hasMessage("link h10 <-> sw12345678: interface name sw12345678-eth10 is 16 characters;"
                        + " Linux allows 15: use shorter node names");
    }

    @Test
    void badNamesAreRefused() {
        assertThatThrownBy(() -> Topology.builder().addHost("h-1"))
                .hasMessageContaining("host name 'h-1' must start with a letter and hold only letters, digits and '_'");
        assertThatThrownBy(() -> Topology.builder().addSwitch(""))
                .hasMessage("a switch needs a name, like s1");
    }

    @Test
    void badAddressesAreRefused() {
        assertThatThrownBy(() -> Topology.builder().addHost("h1", "10.0.0.300/8"))
                .hasMessage("host h1: address '10.0.0.300/8' is not an IPv4 address with prefix length, like 10.0.0.1/8");
        assertThatThrownBy(() -> Topology.builder().addHost("h1", "10.0.0.1"))
                .hasMessageContaining("with prefix length");
        assertThatThrownBy(() -> Topology.builder().addHost("h1", "10.0.0.1/33"))
                .hasMessageContaining("with prefix length");
        assertThatThrownBy(() -> Topology.builder().addHost("h1", "10.0.0.0/24"))
                .hasMessageContaining("network or broadcast address");
        assertThatThrownBy(() -> Topology.builder().addHost("h1", "10.0.0.255/24"))
                .hasMessageContaining("network or broadcast address");
        assertThatThrownBy(() -> Topology.builder().addHost("h1").addHost("h2", "10.0.0.1/24"))
                .hasMessage("hosts h1 and h2 both have address 10.0.0.1: give each host its own address");
    }

    @Test
    void gatewayMustBeInTheHostsSubnet() {
        assertThat(new Host("h1", "10.0.1.5/24", null, "10.0.1.254").gateway()).isEqualTo("10.0.1.254");
        assertThatThrownBy(() -> new Host("h1", "10.0.1.5/24", null, "10.0.2.1"))
                .hasMessage("host h1: gateway 10.0.2.1 is outside its subnet 10.0.1.0/24;"
                        + " pick a gateway in the host's subnet");
        assertThatThrownBy(() -> new Host("h1", "10.0.1.5/24", null, "10.0.1.5"))
                .hasMessageContaining("is the host's own address");
        assertThatThrownBy(() -> new Host("h1", "10.0.1.5/24", null, "gw"))
                .hasMessageContaining("gateway 'gw' is not an IPv4 address");
    }

    @Test
    void macsMustBeWellFormedUnicastAndUnique() {
        assertThat(new Host("h1", "10.0.0.1/8", "0A:00:00:00:00:01", null).mac()).isEqualTo("0a:00:00:00:00:01");
        assertThatThrownBy(() -> new Host("h1", "10.0.0.1/8", "00:00:00:00:01", null))
                .hasMessageContaining("is not like 00:00:00:00:00:01");
        assertThatThrownBy(() -> new Host("h1", "10.0.0.1/8", "01:00:5e:00:00:01", null))
                .hasMessageContaining("multicast");
        TopologyBuilder b = Topology.builder().deterministicMacs().addSwitch("s1")
                .addHost(new Host("h1", "10.0.0.1/8", "00:00:00:00:00:02", null)).addHost("h2")
                .addLink("h1", "s1").addLink("h2", "s1");
        assertThatThrownBy(b::build).hasMessageContaining("hosts h1 and h2 both have MAC 00:00:00:00:00:02");
    }

    @Test
    void duplicateDpidsAndBadDpidsAreRefused() {
        assertThatThrownBy(() -> Topology.builder().addSwitch("a", 5).addSwitch("b", 5))
                .hasMessage("switch b: datapath id 5 is already another switch's; give each switch its own dpid");
        assertThatThrownBy(() -> new Switch("s1", 0)).hasMessage("switch s1: datapath id must be positive, not 0");
    }

    @Test
    void hostsWithoutLinksAreRefused() {
        assertThatThrownBy(() -> Topology.builder().addHost("h1").build())
                .hasMessage("host h1 has no link, so its address has no interface: link it to a switch");
    }

    @Test
    void badLinkParamsAreRefused() {
        assertThatThrownBy(() -> LinkParams.bandwidth(0)).hasMessage("bandwidth must be > 0 Mbit/s, not 0.0");
        assertThatThrownBy(() -> LinkParams.NONE.withLoss(101)).hasMessageContaining("between 0 and 100");
        assertThatThrownBy(() -> LinkParams.NONE.withJitter(Duration.ofMillis(1))).hasMessage("jitter needs a delay as well");
        assertThatThrownBy(() -> LinkParams.NONE.withDelay(Duration.ofMillis(-1))).hasMessageContaining("negative");
        assertThatThrownBy(() -> LinkParams.NONE.withMaxQueue(0)).hasMessageContaining("queue size must be > 0");
    }

    @Test
    void tooManyHostsForDefaultAddressesIsAClearError() {
        assertThatThrownBy(() -> TopologyBuilder.defaultIp(TopologyBuilder.MAX_DEFAULT_HOSTS + 1))
                .hasMessageContaining("do not fit the default 10.0.0.0/8 addressing");
        assertThat(TopologyBuilder.defaultIp(TopologyBuilder.MAX_DEFAULT_HOSTS)).isEqualTo("10.255.255.254/8");
    }
}
