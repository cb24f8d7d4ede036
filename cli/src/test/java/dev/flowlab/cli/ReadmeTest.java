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
    void appExampleIsTheHubsRealSource() throws Exception {
        Matcher path = Pattern.compile("`(apps/src/main/java/[^`]+\\.java)`").matcher(readme());
        assertThat(path.find()).as("README names the app's source file").isTrue();
        String source = Files.readString(ROOT.resolve(path.group(1)));
        assertThat(source.strip()).isEqualTo(block("java").strip());
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
