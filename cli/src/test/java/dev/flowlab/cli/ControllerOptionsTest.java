package dev.flowlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowlab.testkit.Leftovers;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --rest}, {@code --rest-token} and {@code --app-config}: checked before anything starts, one line per mistake. */
class ControllerOptionsTest {
    @TempDir
    Path dir;

    @Test
    void appConfigsAreAppEqualsReadableFileForAnAppThatRuns() throws IOException {
        Path rules = Files.writeString(dir.resolve("acl.yaml"), "rules: []\n");
        assertThat(AppConfigs.parse(List.of("acl=" + rules), List.of("acl", "learning-switch")))
                .isEqualTo(Map.of("acl", rules));
        assertThat(AppConfigs.parse(null, List.of("acl"))).isEmpty();
        assertThatThrownBy(() -> AppConfigs.parse(List.of("acl"), List.of("acl")))
                .hasMessage("--app-config 'acl' is not APP=FILE, e.g. acl=rules.yaml");
        assertThatThrownBy(() -> AppConfigs.parse(List.of("router=" + rules), List.of("acl")))
                .hasMessage("--app-config router=" + rules + ": app 'router' is not in --apps acl; add it there");
        assertThatThrownBy(() -> AppConfigs.parse(List.of("acl=/nonexistent/acl.yaml"), List.of("acl")))
                .hasMessage("--app-config acl=/nonexistent/acl.yaml: no such readable file /nonexistent/acl.yaml");
        assertThatThrownBy(() -> AppConfigs.parse(List.of("acl=" + rules, "acl=" + rules), List.of("acl")))
                .hasMessage("--app-config names app 'acl' twice; give each app one file");
    }

    @Test
    void theCommandLineReportsBadValuesInOneLine() {
        assertOneLine(List.of("controller", "--rest", "loud"), "flowlab: --rest 'loud' is not understood: use off, PORT or HOST:PORT");
        assertOneLine(List.of("controller", "--apps", "acl", "--app-config", "acl=/nonexistent/acl.yaml"),
                "flowlab: --app-config acl=/nonexistent/acl.yaml: no such readable file");
        assertOneLine(List.of("run", "--topo", "single,2", "--controller", "none", "--rest", "8080", "--prefix", "rsb"),
                "flowlab: --rest, --app-config and --capture-openflow configure the embedded controller");
        assertOneLine(List.of("controller", "--rest-token", "secret"), "flowlab: --rest-token must be 16-256 characters");
        assertOneLine(List.of("run", "--topo", "single,2", "--rest-token", "a-long-enough-token", "--prefix", "rsb"),
                "flowlab: --rest-token is for the REST API, which is off: add --rest PORT");
        assertThat(Leftovers.named("rsb")).isEmpty();
    }

    @Test
    void helpShowsTheOptions() {
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        assertThat(cl.execute("controller", "--help")).isZero();
        assertThat(out.toString()).contains("--rest=", "REST API", "--rest-token=", "--app-config=");
    }

    private static void assertOneLine(List<String> argv, String start) {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        assertThat(cl.execute(argv.toArray(String[]::new))).isNotZero();
        assertThat(err.toString().lines().toList()).hasSize(1).first().asString().startsWith(start);
    }
}
