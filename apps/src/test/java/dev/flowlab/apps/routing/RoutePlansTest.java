package dev.flowlab.apps.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowlab.apps.fake.FakeNetwork;
import dev.flowlab.controller.api.Flows;
import dev.flowlab.controller.api.Groups;
import dev.flowlab.controller.api.Link;
import dev.flowlab.controller.api.SwitchPort;
import dev.flowlab.controller.api.TopologyService;
import dev.flowlab.topologies.Topologies;
import dev.flowlab.topologies.Topology;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFGroupType;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.OFPort;

/** The entries of fast-failover and equal-cost routes, planned on discovered topologies without any switch. */
class RoutePlansTest {
    private static final OFFactory OF = OFFactories.getFactory(OFVersion.OF_13);

    private final Topology ring = Topologies.ring(4);   // s1-s2-s3-s4-s1, h_i on s_i
    private final TopologyService ringView = FakeNetwork.start(ring, (t, h) -> Map.of()).topology();

    @Test
    void eachHopFailsOverToTheShortestPathAroundItsCable() {
        Route route = route(ringView, ring, "h1", "h2", 1, 2);   // the cable s1-s2
        List<HopEntry> entries = FailoverPlan.entries(route, ringView, d -> OF);

        assertThat(entries).contains(new HopEntry(dpid(1), host(ring, "h1"), PathFlows.PRIORITY, new HopEntry.Group(
                OFGroupType.FF, List.of(
                        Groups.watching(OF, port(1, 2), Flows.output(OF, port(1, 2))),
                        Groups.watching(OF, port(1, 4), Flows.output(OF, port(1, 4)))))));
        assertThat(entries).as("the detour s1-s4-s3-s2, a priority below, in place before the group")
                .startsWith(new HopEntry(dpid(2), port(2, 3), PathFlows.PRIORITY - 1, new HopEntry.Output(host(ring, "h2"))),
                        new HopEntry(dpid(3), port(3, 4), PathFlows.PRIORITY - 1, new HopEntry.Output(port(3, 2))),
                        new HopEntry(dpid(4), port(4, 1), PathFlows.PRIORITY - 1, new HopEntry.Output(port(4, 3))));
        assertThat(entries).as("the last hop, to the host, has no backup").contains(new HopEntry(dpid(2), port(2, 1),
                PathFlows.PRIORITY, new HopEntry.Output(host(ring, "h2"))));
    }

    @Test
    void aBackupBackTheWayTheFramesCameOutputsToInPort() {
        Route route = route(ringView, ring, "h1", "h3", 1, 3);   // s1-s2-s3 (ties break towards the lower dpid)
        assertThat(route.path().switches()).containsExactly(dpid(1), dpid(2), dpid(3));
        List<HopEntry> entries = FailoverPlan.entries(route, ringView, d -> OF);

        // s2 loses s2-s3: back to s1 (where the frames came from), then s1-s4-s3
        assertThat(entries).contains(new HopEntry(dpid(2), port(2, 1), PathFlows.PRIORITY, new HopEntry.Group(OFGroupType.FF,
                List.of(Groups.watching(OF, port(2, 3), Flows.output(OF, port(2, 3))),
                        Groups.watching(OF, port(2, 1), Flows.output(OF, OFPort.IN_PORT))))));
        assertThat(entries).as("s1 sends what comes back from s2 on round the other way")
                .contains(new HopEntry(dpid(1), port(1, 2), PathFlows.PRIORITY - 1, new HopEntry.Output(port(1, 4))));
    }

    @Test
    void equalCostEntriesSplitAtEveryFork() {
        Topology fatTree = Topologies.fatTree(4);   // core s1-s4, h1 on edge s13, h16 on edge s20
        TopologyService view = FakeNetwork.start(fatTree, (t, h) -> Map.of()).topology();
        SwitchPort from = new SwitchPort(dpid(13), host(fatTree, "h1"));
        SwitchPort to = new SwitchPort(dpid(20), host(fatTree, "h16"));

        EqualCostPlan.Plan plan = EqualCostPlan.entries(from, to, view, d -> OF);

        assertThat(plan.entries()).hasSize(10);   // edge, 2 aggregation, 4 core, 2 aggregation, edge
        assertThat(plan.entries().get(0)).isEqualTo(new HopEntry(dpid(20), null, PathFlows.PRIORITY,
                new HopEntry.Output(to.port())));
        HopEntry ingress = plan.entries().get(9);
        assertThat(ingress.dpid()).isEqualTo(dpid(13));
        assertThat(((HopEntry.Group) ingress.next()).type()).isEqualTo(OFGroupType.SELECT);
        assertThat(((HopEntry.Group) ingress.next()).buckets()).hasSize(2);
        assertThat(plan.entries().stream().filter(e -> e.next() instanceof HopEntry.Group)).as("s13, s5, s6").hasSize(3);
        assertThat(plan.cables()).hasSize(2 + 4 + 4 + 2);
    }

    @Test
    void fastFailoverAndEcmpExcludeEachOther() {
        assertThatThrownBy(() -> new RoutingConfig(true, true)).hasMessage(
                "fast_failover and ecmp exclude each other; turn one of them off");
        assertThat(RoutingConfig.DEFAULTS.usesGroups()).isFalse();
    }

    private static Route route(TopologyService view, Topology t, String a, String b, int sa, int sb) {
        return new Route(new SwitchPort(dpid(sa), host(t, a)), view.shortestPath(dpid(sa), dpid(sb)).orElseThrow(),
                new SwitchPort(dpid(sb), host(t, b)));
    }

    /** The port of switch {@code a} that faces switch {@code b}, as link discovery found it. */
    private OFPort port(int a, int b) {
        return ringView.links().stream().filter(l -> l.srcDpid().equals(dpid(a)) && l.dstDpid().equals(dpid(b)))
                .map(Link::srcPort).findFirst().orElseThrow();
    }

    private static OFPort host(Topology t, String host) {
        return OFPort.of(t.port("s" + host.substring(1), host).orElseGet(() -> t.port(edgeOf(t, host), host).orElseThrow()));
    }

    private static String edgeOf(Topology t, String host) {
        return t.switches().stream().map(s -> s.name()).filter(s -> t.port(s, host).isPresent()).findFirst().orElseThrow();
    }

    private static DatapathId dpid(long n) {
        return DatapathId.of(n);
    }
}
