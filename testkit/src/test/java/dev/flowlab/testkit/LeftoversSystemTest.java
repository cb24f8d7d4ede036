package dev.flowlab.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The finder sees what a test made under its prefix (and nothing else), and removal leaves nothing. */
@SystemTest("tkx")
class LeftoversSystemTest {

    @Test
    void findsAndRemovesNamespacesVethsBridgesAndRunFiles() throws Exception {
        must("ip", "netns", "add", "tkxh1");
        must("ip", "link", "add", "tkxa", "type", "veth", "peer", "name", "tkxb");
        must("ovs-vsctl", "--timeout=10", "add-br", "tkxs1", "--", "set", "bridge", "tkxs1", "datapath_type=netdev");
        Path runs = Files.createDirectories(Path.of(System.getProperty("flowlab.state.dir", "/run/flowlab/runs")));
        Path runFile = runs.resolve("tkxtest.run");
        Files.writeString(runFile, "runId=tkxtest\nnamespaces=tkxh1\nbridges=tkxs1\n");

        assertThat(Leftovers.named("tkx")).contains("netns tkxh1", "interface tkxa", "interface tkxb",
                "bridge tkxs1", "run file " + runFile);
        assertThat(Leftovers.named("tkxq")).isEmpty();

        Leftovers.remove("tkx");
        assertThat(Leftovers.named("tkx")).isEmpty();
    }

    private static void must(String... argv) {
        assertThat(Commands.run(argv).exitCode()).as(String.join(" ", argv)).isZero();
    }
}
