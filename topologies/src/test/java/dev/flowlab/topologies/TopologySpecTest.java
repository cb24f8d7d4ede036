package dev.flowlab.topologies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TopologySpecTest {

    @Test
    void positionalAndNamedFormsMeanTheSame() {
        assertThat(TopologySpec.parse("tree,depth=2,fanout=3")).isEqualTo(Topologies.tree(2, 3));
        assertThat(TopologySpec.parse("tree,2,3")).isEqualTo(Topologies.tree(2, 3));
        assertThat(TopologySpec.parse("tree,2,fanout=3")).isEqualTo(Topologies.tree(2, 3));
        assertThat(TopologySpec.parse(" Tree , 2 , 3 ")).isEqualTo(Topologies.tree(2, 3));
        assertThat(TopologySpec.parse("linear,k=4,n=2")).isEqualTo(Topologies.linear(4, 2));
        assertThat(TopologySpec.parse("linear,switches=4,hosts_per_switch=2")).isEqualTo(Topologies.linear(4, 2));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "minimal;           2; 1",
            "single;            2; 1",
            "single,3;          3; 1",
            "reversed,4;        4; 1",
            "linear;            2; 2",
            "linear,4;          4; 4",
            "linear,4,3;        12; 4",
            "tree;              2; 1",
            "tree,3;            8; 7",
            "torus,3,4;         12; 12",
            "torus,x=3,y=3,n=2; 18; 9",
            "ring,5;            5; 5",
            "mesh,n=4;          4; 4",
            "fat-tree;          16; 20",
            "fattree,k=6;       54; 45",
    })
    void eachFormBuildsItsTopology(String spec, int hosts, int switches) {
        Topology t = TopologySpec.parse(spec);
        assertThat(t.hosts()).hasSize(hosts);
        assertThat(t.switches()).hasSize(switches);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "'';                 it is empty",
            "tre,2;              unknown topology 'tre'",
            "tree,two;           DEPTH must be a whole number, not 'two'",
            "tree,2,3,4;         tree takes at most 2 arguments",
            "tree,depth=2,3;     positional argument '3' after a named one",
            "tree,width=2;       tree has no argument 'width'",
            "tree,2,depth=3;     DEPTH is given twice",
            "torus,3;            torus needs Y",
            "single,0;           single: hosts must be at least 1, not 0",
            "fat-tree,5;         fat-tree: k must be an even number >= 2, not 5",
            "minimal,1;          minimal takes at most 0 arguments",
    })
    void badSpecsSayWhatIsWrongAndListTheValidForms(String spec, String problem) {
        assertThatThrownBy(() -> TopologySpec.parse(spec))
                .isInstanceOf(TopologyException.class)
                .hasMessageStartingWith("bad topology spec '" + spec + "': " + problem + "; valid forms: ")
                .hasMessageEndingWith(TopologySpec.validForms())
                .hasMessageNotContaining("\n");
    }

    @Test
    void validFormsListEveryGenerator() {
        assertThat(TopologySpec.validForms()).isEqualTo("minimal | single[,HOSTS] | reversed[,HOSTS]"
                + " | linear[,SWITCHES[,HOSTS_PER_SWITCH]] | tree[,DEPTH[,FANOUT]] | torus,X,Y[,HOSTS_PER_SWITCH]"
                + " | ring[,SWITCHES] | mesh[,SWITCHES] | fat-tree[,K]"
                + " (arguments by position or name, e.g. tree,depth=2,fanout=3)");
    }
}
