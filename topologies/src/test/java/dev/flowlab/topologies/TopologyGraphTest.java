package dev.flowlab.topologies;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopologyGraphTest {

    @Test
    void neighboursComeInPortOrder() {
        TopologyGraph g = Topologies.reversed(3).graph();
        assertThat(g.neighbours("s1")).containsExactly("h3", "h2", "h1");
        assertThat(g.neighbours("h1")).containsExactly("s1");
        assertThat(g.neighbours("nope")).isEmpty();
    }

    @Test
    void shortestPathCountsHopsThroughSwitches() {
        TopologyGraph g = Topologies.linear(4).graph();
        assertThat(g.shortestPath("h1", "h4")).containsExactly("h1", "s1", "s2", "s3", "s4", "h4");
        assertThat(g.hops("h1", "h4")).hasValue(5);
        assertThat(g.shortestPath("s2", "s2")).containsExactly("s2");
        assertThat(g.hops("h1", "nope")).isEmpty();
    }

    @Test
    void shortestPathTakesTheShortWayRoundARing() {
        TopologyGraph g = Topologies.ring(6).graph();
        assertThat(g.shortestPath("h1", "h6")).containsExactly("h1", "s1", "s6", "h6");
        assertThat(g.shortestPath("h1", "h3")).containsExactly("h1", "s1", "s2", "s3", "h3");
    }

    @Test
    void hostsDoNotForward() {
        // h2 is linked to both switches, but a path may not pass through it
        Topology t = Topology.builder().addSwitch("s1").addSwitch("s2").addHost("h1").addHost("h2").addHost("h3")
                .addLink("h1", "s1").addLink("h2", "s1").addLink("h2", "s2").addLink("h3", "s2").build();
        assertThat(t.graph().shortestPath("h1", "h3")).isEmpty();
        assertThat(t.graph().shortestPath("h1", "h2")).containsExactly("h1", "s1", "h2");
        assertThat(t.graph().shortestPath("h2", "h3")).containsExactly("h2", "s2", "h3");
    }

    @Test
    void linkBetweenNeighboursIsTheLowestPort() {
        Topology t = Topology.builder().addSwitch("s1").addSwitch("s2").addLink("s1", "s2").addLink("s1", "s2").build();
        assertThat(t.graph().link("s2", "s1")).hasValueSatisfying(l -> assertThat(l.portOf("s2")).isEqualTo(1));
        assertThat(t.graph().hasSwitchLoop()).as("parallel links loop").isTrue();
        assertThat(t.graph().link("s1", "s3")).isEmpty();
    }

    @Test
    void aLoopThroughAHostIsNotASwitchLoop() {
        Topology t = Topology.builder().addSwitch("s1").addSwitch("s2").addHost("h1")
                .addLink("h1", "s1").addLink("h1", "s2").addLink("s1", "s2").build();
        assertThat(t.graph().hasSwitchLoop()).isFalse();
    }
}
