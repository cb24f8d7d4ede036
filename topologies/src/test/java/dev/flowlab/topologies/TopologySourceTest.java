package dev.flowlab.topologies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopologySourceTest {

    @Test
    void aSpecIsParsed() {
        assertThat(TopologySource.load("tree,2,2")).isEqualTo(Topologies.tree(2, 2));
        assertThat(TopologySource.load(" single,3 ")).isEqualTo(Topologies.single(3));
    }

    @Test
    void aPathIsRead(@TempDir Path dir) throws Exception {
        assertThat(TopologySource.load("examples/ring.json").switches()).hasSize(6);
        Path file = dir.resolve("t.yml");
        Files.writeString(file, TopologyFiles.toYaml(Topologies.linear(3)));
        assertThat(TopologySource.load(file.toString())).isEqualTo(Topologies.linear(3));
        assertThatThrownBy(() -> TopologySource.load("campus.yaml"))
                .isInstanceOf(TopologyFileException.class)
                .hasMessageStartingWith("campus.yaml: no such file;");
    }

    @Test
    void neitherSpecNorFileSaysBoth() {
        assertThatThrownBy(() -> TopologySource.load("campus"))
                .hasMessageStartingWith("bad topology spec 'campus': unknown topology 'campus'; valid forms: minimal | ")
                .hasMessageEndingWith("; or give a .yaml/.yml/.json topology file");
        assertThatThrownBy(() -> TopologySource.load("  "))
                .hasMessageStartingWith("no topology given: use a spec (minimal | ");
    }
}
