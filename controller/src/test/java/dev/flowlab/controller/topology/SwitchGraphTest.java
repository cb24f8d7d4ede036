package dev.flowlab.controller.topology;

import static dev.flowlab.controller.topology.TopologyLinks.dpid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowlab.controller.api.Link;
import dev.flowlab.controller.api.Path;
import dev.flowlab.topologies.Topologies;
import dev.flowlab.topologies.Topology;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.OFPort;

class SwitchGraphTest {

    private static SwitchGraph graph(Topology t) {
        return new SwitchGraph(TopologyLinks.switches(t), TopologyLinks.of(t));
    }

    @Test
    void pathsAskedBetweenSwitchesNotInTheGraphAreNotKept() {
        SwitchGraph ring = graph(Topologies.ring(4));
        for (long unknown = 100; unknown < 10_100; unknown++) {   // ids an app took from packets, say
            assertThat(ring.shortestPath(dpid(1), DatapathId.of(unknown))).isEmpty();
            assertThat(ring.shortestPath(DatapathId.of(unknown), DatapathId.of(unknown + 1))).isEmpty();
        }
        assertThat(ring.shortestPath(dpid(1), dpid(3))).isPresent();
        assertThat(ring.cachedPaths()).isEqualTo(1);
    }

    @Test
    void ringPathsGoTheShortWayRound() {
        SwitchGraph ring = graph(Topologies.ring(6));

        assertThat(ring.shortestPath(dpid(1), dpid(2)).orElseThrow().hops()).isEqualTo(1);
        assertThat(ring.shortestPath(dpid(1), dpid(6)).orElseThrow().switches()).containsExactly(dpid(1), dpid(6));
        assertThat(ring.shortestPath(dpid(1), dpid(3)).orElseThrow().switches()).containsExactly(dpid(1), dpid(2), dpid(3));
        assertThat(ring.shortestPath(dpid(1), dpid(4)).orElseThrow().hops()).isEqualTo(3);
    }

    @Test
    void equalCostTiesBreakTowardsTheLowerDatapathId() {
        SwitchGraph ring = graph(Topologies.ring(4));   // s1 -> s3 via s2 or via s4
        assertThat(ring.shortestPath(dpid(1), dpid(3)).orElseThrow().switches()).containsExactly(dpid(1), dpid(2), dpid(3));
        assertThat(ring.shortestPath(dpid(3), dpid(1)).orElseThrow().switches()).containsExactly(dpid(3), dpid(2), dpid(1));
    }

    @Test
    void pathLinksAreRealLinksWithTheirPorts() {
        Topology ring = Topologies.ring(4);
        Path path = graph(ring).shortestPath(dpid(1), dpid(2)).orElseThrow();
        // ring: host on port 1; s1-s2 is s1's port 2 and s2's port 3 (links are added in order)
        assertThat(path.links()).containsExactly(new Link(dpid(1), OFPort.of(ring.port("s1", "s2").orElseThrow()),
                dpid(2), OFPort.of(ring.port("s2", "s1").orElseThrow())));
    }

    @Test
    void meshReachesEverySwitchInOneHop() {
        SwitchGraph mesh = graph(Topologies.mesh(5));
        for (int a = 1; a <= 5; a++) {
            for (int b = 1; b <= 5; b++) {
                assertThat(mesh.shortestPath(dpid(a), dpid(b)).orElseThrow().hops()).isEqualTo(a == b ? 0 : 1);
            }
        }
    }

    @Test
    void fatTreeEdgeToEdgeCrossesTheCoreOnlyBetweenPods() {
        SwitchGraph fat = graph(Topologies.fatTree(4));   // core s1-s4, aggregation s5-s12, edge s13-s20
        assertThat(fat.shortestPath(dpid(13), dpid(14)).orElseThrow().hops()).isEqualTo(2);   // same pod
        Path across = fat.shortestPath(dpid(13), dpid(20)).orElseThrow();
        assertThat(across.hops()).isEqualTo(4);
        assertThat(across.switches().get(2).getLong()).isBetween(1L, 4L);   // the middle switch is a core switch
    }

    @Test
    void weightsSteerAroundExpensiveLinks() {
        SwitchGraph ring = graph(Topologies.ring(4));
        Path cheap = ring.shortestPath(dpid(1), dpid(2),
                l -> touches(l, 1, 2) ? 10.0 : 1.0).orElseThrow();
        assertThat(cheap.switches()).containsExactly(dpid(1), dpid(4), dpid(3), dpid(2));
        assertThatThrownBy(() -> ring.shortestPath(dpid(1), dpid(2), l -> 0.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }

    @Test
    void noPathBetweenUnlinkedOrUnknownSwitches() {
        SwitchGraph two = new SwitchGraph(List.of(dpid(1), dpid(2)), Set.of());
        assertThat(two.shortestPath(dpid(1), dpid(2))).isEmpty();
        assertThat(two.shortestPath(dpid(1), dpid(9))).isEmpty();
        assertThat(two.shortestPath(dpid(1), dpid(1)).orElseThrow().links()).isEmpty();
    }

    @Test
    void pathsFollowOnlyLinksSeenInTheDirectionOfTravel() {
        Link oneWay = new Link(dpid(1), OFPort.of(1), dpid(2), OFPort.of(1));
        SwitchGraph g = new SwitchGraph(List.of(dpid(1), dpid(2)), Set.of(oneWay));
        assertThat(g.shortestPath(dpid(1), dpid(2))).isPresent();
        assertThat(g.shortestPath(dpid(2), dpid(1))).isEmpty();
    }

    @Test
    void broadcastTreeSpansEveryLoopedTopologyWithoutACycle() {
        for (Topology t : List.of(Topologies.ring(5), Topologies.mesh(6), Topologies.fatTree(4), Topologies.torus(3, 4))) {
            SwitchGraph g = graph(t);
            Set<DatapathId> switches = TopologyLinks.switches(t);
            Set<Link> tree = g.broadcastTree();

            assertThat(tree).as("both directions of n-1 cables in %s", t).hasSize(2 * (switches.size() - 1));
            assertThat(TopologyLinks.of(t)).containsAll(tree);
            assertThat(spansWithoutCycle(switches, tree)).as("tree of %s", t).isTrue();
        }
    }

    @Test
    void treePortsAndLinkEndsAreTheCableEnds() {
        SwitchGraph ring = graph(Topologies.ring(4));
        long treeEnds = ring.links().stream().map(Link::src).filter(ring::isTreePort).count();
        assertThat(treeEnds).isEqualTo(6);   // 3 tree cables, 2 ends each
        assertThat(ring.links()).allSatisfy(l -> assertThat(ring.isLinkEnd(l.src())).isTrue());
        assertThat(ring.isLinkEnd(new dev.flowlab.controller.api.SwitchPort(dpid(1), OFPort.of(1)))).isFalse();
    }

    @Test
    void linksToUnknownSwitchesAreLeftOut() {
        Link dangling = new Link(dpid(1), OFPort.of(1), dpid(7), OFPort.of(1));
        SwitchGraph g = new SwitchGraph(List.of(dpid(1)), Set.of(dangling));
        assertThat(g.links()).isEmpty();
        assertThat(g.broadcastTree()).isEmpty();
    }

    private static boolean touches(Link l, long a, long b) {
        long s = l.srcDpid().getLong();
        long d = l.dstDpid().getLong();
        return s == a && d == b || s == b && d == a;
    }

    /** Union-find over the tree's cables: n-1 cables joining n switches without a cycle span them. */
    private static boolean spansWithoutCycle(Set<DatapathId> switches, Set<Link> tree) {
        Map<DatapathId, DatapathId> parent = new HashMap<>();
        switches.forEach(s -> parent.put(s, s));
        Set<Set<DatapathId>> cables = new HashSet<>();
        for (Link l : tree) {
            if (!cables.add(Set.of(l.srcDpid(), l.dstDpid()))) {
                continue;
            }
            DatapathId a = root(parent, l.srcDpid());
            DatapathId b = root(parent, l.dstDpid());
            if (a.equals(b)) {
                return false;
            }
            parent.put(a, b);
        }
        return switches.stream().map(s -> root(parent, s)).distinct().count() == 1;
    }

    private static DatapathId root(Map<DatapathId, DatapathId> parent, DatapathId n) {
        while (!parent.get(n).equals(n)) {
            n = parent.get(n);
        }
        return n;
    }
}
