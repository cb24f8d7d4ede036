package dev.flowlab.topologies;

import static dev.flowlab.topologies.MininetReference.assertSameAsMininet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopologiesTest {

    @Test
    void minimalIsMininetsDefault() {
        assertSameAsMininet(Topologies.minimal(), "h1=10.0.0.1 h2=10.0.0.2", "s1=1", "h1:0-s1:1 h2:0-s1:2");
    }

    @Test
    void singleMatchesMininet() {
        assertSameAsMininet(Topologies.single(3), "h1=10.0.0.1 h2=10.0.0.2 h3=10.0.0.3", "s1=1",
                "h1:0-s1:1 h2:0-s1:2 h3:0-s1:3");
    }

    @Test
    void reversedNumbersPortsBackwards() {
        assertSameAsMininet(Topologies.reversed(3), "h1=10.0.0.1 h2=10.0.0.2 h3=10.0.0.3", "s1=1",
                "h1:0-s1:3 h2:0-s1:2 h3:0-s1:1");
        assertThat(Topologies.reversed(3).port("s1", "h1")).contains(3);
    }

    @Test
    void linearMatchesMininet() {
        assertSameAsMininet(Topologies.linear(3), "h1=10.0.0.1 h2=10.0.0.2 h3=10.0.0.3", "s1=1 s2=2 s3=3",
                "h1:0-s1:1 s2:2-s1:2 h2:0-s2:1 s3:2-s2:3 h3:0-s3:1");
    }

    @Test
    void linearWithSeveralHostsPerSwitchKeepsMininetNamesAndAddressOrder() {
        assertSameAsMininet(Topologies.linear(3, 2),
                "h1s1=10.0.0.1 h1s2=10.0.0.2 h1s3=10.0.0.3 h2s1=10.0.0.4 h2s2=10.0.0.5 h2s3=10.0.0.6",
                "s1=1 s2=2 s3=3",
                "h1s1:0-s1:1 s2:3-s1:3 h2s1:0-s1:2 h1s2:0-s2:1 s3:3-s2:4 h2s2:0-s2:2 h1s3:0-s3:1 h2s3:0-s3:2");
    }

    @Test
    void treeMatchesMininet() {
        assertSameAsMininet(Topologies.tree(2, 3),
                "h1=10.0.0.1 h2=10.0.0.2 h3=10.0.0.3 h4=10.0.0.4 h5=10.0.0.5 h6=10.0.0.6 h7=10.0.0.7 h8=10.0.0.8 h9=10.0.0.9",
                "s1=1 s2=2 s3=3 s4=4",
                "s2:1-h1:0 s2:2-h2:0 s2:3-h3:0 s1:1-s2:4 s1:2-s3:4 s1:3-s4:4 s3:1-h4:0 s3:2-h5:0 s3:3-h6:0 "
                        + "s4:1-h7:0 s4:2-h8:0 s4:3-h9:0");
        assertSameAsMininet(Topologies.tree(3, 2),
                "h1=10.0.0.1 h2=10.0.0.2 h3=10.0.0.3 h4=10.0.0.4 h5=10.0.0.5 h6=10.0.0.6 h7=10.0.0.7 h8=10.0.0.8",
                "s1=1 s2=2 s3=3 s4=4 s5=5 s6=6 s7=7",
                "s3:1-h1:0 s3:2-h2:0 s2:1-s3:3 s2:2-s4:3 s4:1-h3:0 s4:2-h4:0 s1:1-s2:3 s1:2-s5:3 s6:1-h5:0 "
                        + "s6:2-h6:0 s5:1-s6:3 s5:2-s7:3 s7:1-h7:0 s7:2-h8:0");
    }

    @Test
    void torusMatchesMininet() {
        assertSameAsMininet(Topologies.torus(3, 3),
                "h1x1=10.0.0.1 h1x2=10.0.0.2 h1x3=10.0.0.3 h2x1=10.0.0.4 h2x2=10.0.0.5 h2x3=10.0.0.6 h3x1=10.0.0.7 "
                        + "h3x2=10.0.0.8 h3x3=10.0.0.9",
                "s1x1=257 s1x2=258 s1x3=259 s2x1=513 s2x2=514 s2x3=515 s3x1=769 s3x2=770 s3x3=771",
                "h1x1:0-s1x1:1 s1x1:2-s1x2:2 s1x1:3-s2x1:2 s1x3:3-s1x1:4 s3x1:4-s1x1:5 h1x2:0-s1x2:1 s1x2:3-s1x3:2 "
                        + "s1x2:4-s2x2:2 s3x2:5-s1x2:5 h1x3:0-s1x3:1 s1x3:4-s2x3:2 s3x3:5-s1x3:5 h2x1:0-s2x1:1 "
                        + "s2x1:3-s2x2:3 s2x1:4-s3x1:2 s2x3:4-s2x1:5 h2x2:0-s2x2:1 s2x2:4-s2x3:3 s2x2:5-s3x2:2 "
                        + "h2x3:0-s2x3:1 s2x3:5-s3x3:2 h3x1:0-s3x1:1 s3x1:3-s3x2:3 s3x3:4-s3x1:5 h3x2:0-s3x2:1 "
                        + "s3x2:4-s3x3:3 h3x3:0-s3x3:1");
        assertThat(Shape.switchLinks(Topologies.torus(3, 3))).as("4 switch neighbours each").isEqualTo(9 * 4 / 2);
    }

    @Test
    void torusWithSeveralHostsPerSwitchMatchesMininet() {
        Topology t = Topologies.torus(3, 4, 2);
        assertThat(t.hosts()).hasSize(24);
        assertThat(t.hosts().get(9).name()).isEqualTo("h2x1x2");
        assertThat(t.hosts().get(9).ip()).isEqualTo("10.0.0.10/8");
        assertThat(t.switchNamed("s3x4").orElseThrow().dpid()).isEqualTo(772);
        assertThat(t.links()).contains(new Link("s1x1", 3, "s1x2", 3, LinkParams.NONE),
                new Link("s3x4", 6, "s1x4", 6, LinkParams.NONE), new Link("s2x4", 5, "s2x1", 6, LinkParams.NONE),
                new Link("h3x4x2", 0, "s3x4", 2, LinkParams.NONE));
    }

    @Test
    void ringIsACycleWithOneHostPerSwitch() {
        Topology t = Topologies.ring(4);
        assertThat(t.hosts()).extracting(Host::name).containsExactly("h1", "h2", "h3", "h4");
        assertThat(t.switches()).extracting(Switch::dpid).containsExactly(1L, 2L, 3L, 4L);
        assertThat(t.links()).hasSize(8).contains(new Link("s4", 3, "s1", 3, LinkParams.NONE),
                new Link("s1", 2, "s2", 2, LinkParams.NONE));
        assertThat(t.port("s1", "h1")).contains(1);
        assertThat(Shape.switchLinks(t)).as("a cycle").isEqualTo(4);
        assertThat(Shape.neighbours(t, "s1")).containsExactly("h1", "s2", "s4");
    }

    @Test
    void meshLinksEverySwitchPair() {
        Topology t = Topologies.mesh(4);
        assertThat(t.switches()).hasSize(4);
        assertThat(t.hosts()).hasSize(4);
        assertThat(t.links()).hasSize(4 + 6);
        // s_i reaches s_j on port j + 1 if j < i, else j
        assertThat(t.port("s3", "s1")).contains(2);
        assertThat(t.port("s3", "s2")).contains(3);
        assertThat(t.port("s3", "s4")).contains(4);
        assertThat(Shape.switchLinks(t)).isEqualTo(6);
        assertThat(Shape.switchLinks(Topologies.mesh(2))).as("two switches, one link: no loop").isEqualTo(1);
    }

    @Test
    void fatTreeHasTheTextbookShape() {
        int k = 4;
        Topology t = Topologies.fatTree(k);
        assertThat(t.hosts()).hasSize(k * k * k / 4);
        assertThat(t.switches()).hasSize(5 * k * k / 4);
        assertThat(t.links()).hasSize(16 + 16 + 16);   // host-edge, edge-aggregation, aggregation-core
        assertThat(t.switches()).allSatisfy(s -> assertThat(s.name()).isEqualTo("s" + s.dpid()));
        assertThat(t.switches()).allSatisfy(s -> assertThat(t.linksOf(s.name())).hasSize(k));
        // edge s13 (pod 0): hosts h1, h2 on ports 1-2, aggregation s5, s6 on ports 3-4
        assertThat(Shape.neighbours(t, "s13")).containsExactly("h1", "h2", "s5", "s6");
        // aggregation s5 (pod 0, first): edges s13, s14 below, cores s1, s2 above
        assertThat(Shape.neighbours(t, "s5")).containsExactly("s13", "s14", "s1", "s2");
        assertThat(Shape.neighbours(t, "s6")).containsExactly("s13", "s14", "s3", "s4");
        // a core switch's port p faces pod p
        assertThat(Shape.neighbours(t, "s1")).containsExactly("s5", "s7", "s9", "s11");
        assertThat(Shape.switchLinks(t)).as("loops: more links than switches").isEqualTo(32);
        assertThat(Shape.switchLinks(Topologies.fatTree(2))).as("k=2: a tree of 5 switches").isEqualTo(4);
    }

    @Test
    void bigTopologiesKeepInterfaceNamesShortAndAddressesPast255() {
        Topology t = Topologies.linear(10, 100);
        assertThat(t.hosts()).hasSize(1000);
        assertThat(t.host("h100s10").orElseThrow().ip()).isEqualTo("10.0.3.232/8");   // the 1000th host
        Topology fat = Topologies.fatTree(16);
        assertThat(fat.hosts()).hasSize(1024);
        assertThat(fat.switches()).hasSize(320);
        assertThat(fat.links()).allSatisfy(l -> assertThat(l.interfaceA().length() + l.interfaceB().length())
                .isLessThanOrEqualTo(30));
        assertThat(Topologies.single(1000).host("h256").orElseThrow().ip()).isEqualTo("10.0.1.0/8");
    }

    @Test
    void macsComeFromHostNumbersOnRequest() {
        assertThat(Topologies.linear(3, 2).hosts()).allSatisfy(h -> assertThat(h.mac()).isNull());
        Topology t = Topologies.linear(3, 2).withDeterministicMacs();
        assertThat(t.hosts()).extracting(Host::mac).containsExactly("00:00:00:00:00:01", "00:00:00:00:00:02",
                "00:00:00:00:00:03", "00:00:00:00:00:04", "00:00:00:00:00:05", "00:00:00:00:00:06");
        assertThat(Topologies.single(300).withDeterministicMacs().host("h300").orElseThrow().mac())
                .isEqualTo("00:00:00:00:01:2c");
    }

    @Test
    void loopFreeGeneratorsHaveNoSwitchLoop() {
        assertThat(Shape.switchLinks(Topologies.single(3))).isZero();
        assertThat(Shape.switchLinks(Topologies.linear(5, 2))).isEqualTo(5 - 1);
        assertThat(Shape.switchLinks(Topologies.tree(3, 3))).as("1 + 3 + 9 switches").isEqualTo(13 - 1);
    }

    @Test
    void badArgumentsAreRefusedWithTheRule() {
        assertThatThrownBy(() -> Topologies.single(0)).hasMessage("single: hosts must be at least 1, not 0");
        assertThatThrownBy(() -> Topologies.linear(2, 0)).hasMessageContaining("hosts per switch must be at least 1");
        assertThatThrownBy(() -> Topologies.tree(0, 2)).hasMessageContaining("depth must be at least 1");
        assertThatThrownBy(() -> Topologies.torus(2, 3)).hasMessageContaining("between 3 and 255");
        assertThatThrownBy(() -> Topologies.ring(2)).hasMessageContaining("ring: switches must be at least 3");
        assertThatThrownBy(() -> Topologies.fatTree(3)).hasMessageContaining("even number");
        assertThatThrownBy(() -> Topologies.fatTree(400)).hasMessageContaining("at most 100000");
        assertThatThrownBy(() -> Topologies.tree(30, 2)).hasMessageContaining("at most 100000");
        assertThatThrownBy(() -> Topologies.tree(200_000, 1)).hasMessageContaining("at most 100000");
        assertThatThrownBy(() -> Topologies.mesh(301)).hasMessageContaining("at most 300 switches");
    }
}
