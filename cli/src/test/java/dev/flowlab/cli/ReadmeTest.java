package dev.flowlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.topologies.Topology;
import dev.flowlab.topologies.TopologySource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's examples are real: its topology file loads, its app is the source that compiles. */
class ReadmeTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void topologyFileExampleLoads(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("example.yaml");
        Files.writeString(file, block("yaml"));
        Topology t = TopologySource.load(file.toString());
        assertThat(t.hosts()).hasSize(3);
        assertThat(t.switches()).hasSize(2);
        assertThat(t.links()).hasSize(4);
    }

    @Test
    void javaExamplesAreTheRealSourceFiles() throws Exception {
        Matcher m = Pattern.compile("`(apps/src/main/java/[^`]+\\.java)`[^\\n]*\\n\\n```java\\n(.*?)```", Pattern.DOTALL)
                .matcher(readme());
        int blocks = 0;
        while (m.find()) {
            blocks++;
            assertThat(m.group(2).strip()).as(m.group(1)).isEqualTo(Files.readString(ROOT.resolve(m.group(1))).strip());
        }
        assertThat(blocks).as("java blocks in the README, each under the path of its file").isEqualTo(2);
    }

    private static String readme() throws Exception {
        return Files.readString(ROOT.resolve("README.md"));
    }

    private static String block(String language) throws Exception {
        Matcher m = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(readme());
        assertThat(m.find()).as("README has a ```" + language + " block").isTrue();
        return m.group(1);
    }
}
