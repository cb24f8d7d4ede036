package dev.flowlab.apps.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.apps.fake.FakeContext;
import dev.flowlab.apps.fake.FakeNetwork;
import dev.flowlab.controller.api.App;
import dev.flowlab.controller.api.VlanRole;
import dev.flowlab.topologies.Topologies;
import dev.flowlab.topologies.Topology;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.protocol.OFGroupMod;
import org.projectfloodlight.openflow.protocol.OFGroupType;

/** routing's group options on the fake network, whose switches apply group buckets as OVS does. */
class RoutingGroupsOnFakeNetworkTest {

    private static FakeNetwork start(Topology t, RoutingConfig config) {
        return FakeNetwork.start(t, (topology, hosts) -> Map.<String, App>of("routing", new ShortestPathRouting(topology, hosts)),
                Map.of("routing", config));
    }

    @Test
    void withFastFailoverTheSwitchesBypassACutTheControllerNeverHeardOf() {
        FakeNetwork net = start(Topologies.ring(4), new RoutingConfig(true, false));   // h1 on s1, h2 on s2
        assertThat(net.ping("h1", "h2")).isTrue();
        int packetIns = net.packetIns();

        net.cutBehindTheControllersBack("s1", "s2");

        assertThat(net.ping("h1", "h2")).as("round the ring by the groups' second buckets").isTrue();
        assertThat(net.packetIns()).as("no packet reached the controller").isEqualTo(packetIns);
        assertThat(net.switchNamed("s1").sent(OFGroupMod.class)).extracting(OFGroupMod::getGroupType)
                .containsOnly(OFGroupType.FF);
    }

    @Test
    void withoutItTheSameCutLosesThePing() {
        FakeNetwork net = start(Topologies.ring(4), RoutingConfig.DEFAULTS);
        assertThat(net.ping("h1", "h2")).isTrue();

        net.cutBehindTheControllersBack("s1", "s2");

        assertThat(net.ping("h1", "h2")).isFalse();
        assertThat(net.switchNamed("s1").sent(OFGroupMod.class)).isEmpty();
    }

    @Test
    void fastFailoverRoutesStillReachEveryPairAndRerouteWhenTheControllerHears() {
        FakeNetwork net = start(Topologies.ring(4), new RoutingConfig(true, false));
        assertThat(net.pingAll()).isEmpty();
        net.cut("s2", "s3");
        assertThat(net.pingAll()).isEmpty();
    }

    @Test
    void ecmpReachesEveryPairOfAFatTreeThroughSelectGroups() {
        FakeNetwork net = start(Topologies.fatTree(4), new RoutingConfig(false, true));
        assertThat(net.pingAll()).isEmpty();
        assertThat(net.switchNamed("s13").sent(OFGroupMod.class)).extracting(OFGroupMod::getGroupType)
                .contains(OFGroupType.SELECT);
    }

    @Test
    void aVlanNetworkIsRefusedWithGroupsAndAcceptedWithout() {
        List<VlanRole> roles = List.of(VlanRole.access(10));
        FakeNetwork net = FakeNetwork.start(Topologies.single(2), (t, h) -> Map.of());
        ShortestPathRouting withGroups = new ShortestPathRouting(net.topology(), net.hostService());
        withGroups.start(new FakeContext("routing", new RoutingConfig(false, true)));
        assertThat(withGroups.refuseVlans(roles)).hasValueSatisfying(why -> assertThat(why).startsWith("fast_failover and ecmp"));
        ShortestPathRouting plain = new ShortestPathRouting(net.topology(), net.hostService());
        plain.start(new FakeContext("routing", RoutingConfig.DEFAULTS));
        assertThat(plain.refuseVlans(roles)).isEmpty();
    }
}
