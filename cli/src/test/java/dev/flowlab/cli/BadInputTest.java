package dev.flowlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.testkit.Leftovers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A user's mistake is one line on stderr naming the problem, a non-zero exit, and nothing built. */
class BadInputTest {
    private static final String PREFIX = "clb";

    @Test
    void unknownAppListsTheKnownOnes() {
        assertOneLineError(List.of("run", "--topo", "single,2", "--apps", "learning-swich"),
                "flowlab: unknown app 'learning-swich': known apps are ", "learning-switch");
    }

    @Test
    void badTopologySpecSaysWhatIsValid() {
        assertOneLineError(List.of("run", "--topo", "tree,x,2"), "flowlab: ", "tree");
    }

    @Test
    void missingTopologyFileNamesTheFile() {
        assertOneLineError(List.of("run", "--topo", "/nonexistent/campus.yaml"), "flowlab: ", "/nonexistent/campus.yaml");
    }

    @Test
    void badControllerSaysTheThreeForms() {
        assertOneLineError(List.of("run", "--topo", "single,2", "--controller", "ryu"),
                "flowlab: --controller 'ryu' is not understood", "tcp:HOST:PORT");
    }

    @Test
    void missingScriptNamesTheFile() {
        assertOneLineError(List.of("run", "--topo", "single,2", "--script", "/nonexistent/steps.txt"),
                "flowlab: --script /nonexistent/steps.txt", "no such readable file");
    }

    @Test
    void badOptionValueIsOneLineToo() {
        assertOneLineError(List.of("run", "--topo", "single,2", "--fail-mode", "open"), "flowlab: ", "--fail-mode");
    }

    @Test
    void everyCommandHasHelpWithExamples() {
        for (String command : new String[] {"run", "demo"}) {
            StringWriter out = new StringWriter();
            CommandLine cl = Main.commandLine();
            cl.setOut(new PrintWriter(out, true));
            assertThat(cl.execute(command, "--help")).isZero();
            assertThat(out.toString()).contains("Usage: flowlab " + command, "Examples:");
        }
    }

    private static void assertOneLineError(List<String> args, String start, String mentions) {
        List<String> argv = new ArrayList<>(args);
        argv.addAll(List.of("--prefix", PREFIX));
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(argv.toArray(String[]::new));
        assertThat(exit).isNotZero();
        assertThat(err.toString().lines().toList()).hasSize(1).first().asString().startsWith(start).contains(mentions);
        assertThat(Leftovers.named(PREFIX)).isEmpty();
    }
}
