package dev.flowlab.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code flowlab bench dataplane}: bad input is one line and a non-zero exit, before anything is built. */
class DataplaneBenchTest {
    @Test
    void badInputIsNamedBeforeAnythingIsBuilt() {
        assertThat(flowlab(2, "bench", "dataplane", "--compare", "ns3", "linear,2"))
                .isEqualTo("flowlab: --compare takes mininet or ovs, not 'ns3'");
        assertThat(flowlab(2, "bench", "dataplane"))
                .isEqualTo("flowlab: give a topology (e.g. linear,100) or --first-packet");
        assertThat(flowlab(1, "bench", "dataplane", "linear,2", "ring,x"))
                .startsWith("flowlab: bad topology spec 'ring,x'");
        assertThat(flowlab(1, "bench", "dataplane", "--compare", "mininet", "linear,2", "fat-tree,4"))
                .isEqualTo("flowlab: --compare mininet takes linear,N tree,D,F or single,N, not 'fat-tree,4'");
        assertThat(flowlab(1, "bench", "dataplane", "--prefix", "Bad-", "linear,2"))
                .startsWith("flowlab: --prefix takes 1-4 lower-case letters");
        assertThat(flowlab(1, "bench", "dataplane", "--first-packet", "--runs", "0", "linear,2"))
                .isEqualTo("flowlab: --runs takes a positive number, not 0");
    }

    /** Runs flowlab, checks its exit code, returns its stderr (which must be one line). */
    private static String flowlab(int exitCode, String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute(args)).as(String.join(" ", args)).isEqualTo(exitCode);
        assertThat(out.toString()).as("nothing measured").isEmpty();
        String line = err.toString().strip();
        assertThat(line).doesNotContain("\n");
        return line;
    }
}
