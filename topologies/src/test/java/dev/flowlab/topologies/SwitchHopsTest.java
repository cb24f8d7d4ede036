package dev.flowlab.topologies;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SwitchHopsTest {
    @Test
    void countsTheSwitchesOnTheLongestShortestPath() {
        assertThat(SwitchHops.longest(Topologies.single(3))).isEqualTo(1);
        assertThat(SwitchHops.longest(Topologies.linear(500))).isEqualTo(500);
        assertThat(SwitchHops.longest(Topologies.tree(3, 2))).as("leaf switch, root, other leaf switch").isEqualTo(5);
        assertThat(SwitchHops.longest(Topologies.ring(6))).as("half way round, both ends counted").isEqualTo(4);
    }
}
