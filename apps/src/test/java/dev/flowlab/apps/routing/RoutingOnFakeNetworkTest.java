package dev.flowlab.apps.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.apps.fake.FakeHost;
import dev.flowlab.apps.fake.FakeNetwork;
import dev.flowlab.apps.fake.Frames;
import dev.flowlab.controller.api.App;
import dev.flowlab.controller.api.Ethernet;
import dev.flowlab.controller.api.Flows;
import dev.flowlab.controller.api.Role;
import dev.flowlab.controller.testing.FakeSwitch;
import dev.flowlab.topologies.Topologies;
import dev.flowlab.topologies.Topology;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.types.IPv4Address;
import org.projectfloodlight.openflow.types.U64;

/** The routing app with the real discovery and host tracker, on fake switches wired as looped topologies. */
class RoutingOnFakeNetworkTest {
    private static final U64 COOKIE = Flows.cookie("routing");

    private static FakeNetwork start(Topology t) {
        return FakeNetwork.start(t, (topology, hosts) -> Map.<String, App>of("routing", new ShortestPathRouting(topology, hosts)));
    }

    static Stream<Arguments> loopedTopologies() {
        return Stream.of(Arguments.of("ring,4", Topologies.ring(4)), Arguments.of("mesh,4", Topologies.mesh(4)),
                Arguments.of("fat-tree,4", Topologies.fatTree(4)), Arguments.of("torus,3,3", Topologies.torus(3, 3)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loopedTopologies")
    void pingAllReachesEveryPairWithoutAStorm(String name, Topology t) {
        FakeNetwork net = start(t);
        assertThat(net.topology().links()).hasSize(2 * (int) t.links().stream()
                .filter(l -> t.switchNamed(l.nodeA()).isPresent() && t.switchNamed(l.nodeB()).isPresent()).count());

        assertThat(net.pingAll()).isEmpty();
        assertThat(net.hostService().hosts()).hasSize(t.hosts().size());
    }

    @Test
    void aBroadcastReachesEveryOtherHostExactlyOnceAfterOnePacketIn() {
        FakeNetwork net = start(Topologies.fatTree(4));
        FakeHost h1 = net.host("h1");
        int before = net.packetIns();
        h1.send(Frames.arpRequest(h1.mac(), h1.ip(), IPv4Address.of("10.0.0.99")));   // nobody has it: flooded
        net.settle();
        assertThat(net.packetIns() - before).isEqualTo(1);
        for (FakeHost h : net.hosts()) {
            long copies = h.received().stream().filter(f -> Ethernet.of(f).destination().isBroadcast()).count();
            assertThat(copies).as("copies at %s", h.name()).isEqualTo(h == h1 ? 0 : 1);
        }
    }

    @Test
    void arpForAKnownHostIsAnsweredByTheControllerWithoutReachingIt() {
        FakeNetwork net = start(Topologies.ring(4));
        assertThat(net.ping("h3", "h1")).isTrue();   // teaches the tracker h3 and h1
        FakeHost h1 = net.host("h1");
        FakeHost h3 = net.host("h3");
        int atH3 = h3.received().size();

        assertThat(net.ping("h2", "h3")).isTrue();   // h2 asks for h3's MAC
        assertThat(net.host("h2").arpCache()).containsEntry(h3.ip(), h3.mac());
        assertThat(h3.received().subList(atH3, h3.received().size()))
                .noneMatch(f -> Ethernet.of(f).destination().isBroadcast());
        assertThat(h1.received()).isNotEmpty();
    }

    @Test
    void theFirstPacketNeverOvertakesItsFlowsAndLaterPacketsStayInTheSwitches() {
        FakeNetwork net = start(Topologies.linear(4));   // h1 on s1 ... h4 on s4: a path of 4 switches
        assertThat(net.ping("h1", "h4")).isTrue();
        int before = net.packetIns();
        assertThat(net.ping("h1", "h4")).isTrue();
        assertThat(net.packetIns()).isEqualTo(before);
        assertThat(net.entries(COOKIE)).isEqualTo(8);   // 4 switches, both directions
    }

    @Test
    void aNewPairCostsOnePacketInAtTheIngressSwitchForBothDirections() {
        FakeNetwork net = start(Topologies.linear(4));
        FakeHost h1 = net.host("h1");
        FakeHost h4 = net.host("h4");
        h1.send(Frames.arpRequest(h1.mac(), h1.ip(), h1.ip()));   // gratuitous ARP: both hosts known, no route yet
        h4.send(Frames.arpRequest(h4.mac(), h4.ip(), h4.ip()));
        net.settle();
        assertThat(net.entries(COOKIE)).isZero();
        int before = net.packetIns();

        h1.send(Frames.echo(true, h1.mac(), h1.ip(), h4.mac(), h4.ip(), 7));
        net.settle();

        // one packet-in, at s1: the request waited there until s4, s3, s2 had their entries, and the
        // reply found its way home already set up
        assertThat(net.packetIns() - before).isEqualTo(1);
        assertThat(h1.received()).anyMatch(f -> Frames.isEcho(Ethernet.of(f), 0) && Frames.echoSeq(f) == 7);
        assertThat(net.entries(COOKIE)).isEqualTo(8);
    }

    @Test
    void aProxyArpAnswerSetsUpBothRoutesSoThePingThatFollowsCostsNoPacketIn() {
        FakeNetwork net = start(Topologies.linear(4));
        FakeHost h1 = net.host("h1");
        FakeHost h4 = net.host("h4");
        h1.send(Frames.arpRequest(h1.mac(), h1.ip(), h1.ip()));   // gratuitous ARP: both hosts known
        h4.send(Frames.arpRequest(h4.mac(), h4.ip(), h4.ip()));
        net.settle();
        int before = net.packetIns();
        int atH4 = h4.received().size();

        assertThat(net.ping("h1", "h4")).isTrue();   // ARP request (answered by the controller), then the echo

        assertThat(net.packetIns() - before).isEqualTo(1);
        assertThat(h4.received().subList(atH4, h4.received().size())).noneMatch(f -> Ethernet.of(f).arp().isPresent());
    }

    @Test
    void aCutLinkIsBypassedAndItsRoutesWithdrawn() {
        FakeNetwork net = start(Topologies.ring(4));   // s1-s2-s3-s4-s1
        assertThat(net.ping("h1", "h2")).isTrue();
        assertThat(net.switchNamed("s1").table().entries(COOKIE, Flows.APP_COOKIE_MASK)).hasSize(2);

        net.cut("s1", "s2");

        assertThat(net.entries(COOKIE)).isZero();
        assertThat(net.ping("h1", "h2")).isTrue();   // now round the other way: s1-s4-s3-s2
        assertThat(net.switchNamed("s3").table().entries(COOKIE, Flows.APP_COOKIE_MASK)).hasSize(2);
        assertThat(net.pingAll()).isEmpty();
    }

    @Test
    void aClusterMasterTakingOverKeepsThePathsWhileAControllerAloneStartsFromACleanSlate() {
        ShortestPathRouting[] routing = new ShortestPathRouting[1];
        FakeNetwork net = FakeNetwork.start(Topologies.ring(4), (topology, hosts) -> Map.<String, App>of("routing",
                routing[0] = new ShortestPathRouting(topology, hosts)));
        assertThat(net.ping("h1", "h2")).isTrue();
        FakeSwitch s1 = net.switchNamed("s1");

        routing[0].onSwitchUp(s1.role(Role.MASTER));
        net.settle();
        assertThat(s1.table().entries(COOKIE, Flows.APP_COOKIE_MASK)).as("a takeover keeps established paths").hasSize(2);

        routing[0].onSwitchUp(s1.role(Role.EQUAL));
        net.settle();
        assertThat(s1.table().entries(COOKIE, Flows.APP_COOKIE_MASK)).isEmpty();
    }

    @Test
    void aPartitionedNetworkDropsWhatItCannotDeliver() {
        FakeNetwork net = start(Topologies.linear(3));
        assertThat(net.ping("h1", "h3")).isTrue();
        net.cut("s2", "s3");
        assertThat(net.ping("h1", "h3")).isFalse();
        assertThat(net.ping("h1", "h2")).isTrue();
    }
}
