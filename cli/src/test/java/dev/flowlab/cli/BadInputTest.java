package dev.flowlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.testkit.Leftovers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
    void controllersIsCountedAndNotMixedWithController() {
        assertOneLineError(List.of("run", "--topo", "single,2", "--controllers", "0"),
                "flowlab: --controllers 0 is out of range", "1 to 7");
        assertOneLineError(List.of("run", "--topo", "single,2", "--controllers", "3", "--controller", "tcp:127.0.0.1:6653"),
                "flowlab: --controller and --controllers cannot be used together", "--controllers N");
        assertOneLineError(List.of("run", "--topo", "single,2", "--controllers", "3", "--rest", "8080"),
                "flowlab: --rest, --rest-token and --capture-openflow configure the embedded controller", "port of its own");
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
    void unknownOpenFlowVersionListsTheKnownOnes() {
        assertOneLineError(List.of("run", "--topo", "single,2", "--protocols", "OpenFlow12"),
                "flowlab: ", "unknown OpenFlow version 'OpenFlow12': use OpenFlow10,OpenFlow13,OpenFlow14,OpenFlow15");
    }

    @Test
    void anAppThatNeedsOpenFlow13IsRefusedOn10BeforeAnythingIsBuilt() {
        assertOneLineError(List.of("run", "--topo", "single,2", "--protocols", "OpenFlow10", "--apps", "routing"),
                "flowlab: app routing needs OpenFlow 1.3 or later, and the switches will speak OpenFlow 1.0",
                "apps that run on OpenFlow 1.0: hub, learning-switch");
    }

    @Test
    void anAppThatNeedsOpenFlow13IsRefusedOn10WithControllerProcessesToo() {
        assertOneLineError(List.of("run", "--topo", "single,2", "--protocols", "OpenFlow10", "--apps", "routing",
                        "--controllers", "2"),
                "flowlab: app routing needs OpenFlow 1.3 or later, and the switches will speak OpenFlow 1.0",
                "apps that run on OpenFlow 1.0: hub, learning-switch");
    }

    @Test
    void vlansAreRefusedOn10BeforeAnythingIsBuilt(@TempDir Path dir) throws Exception {
        Path vlans = Files.writeString(dir.resolve("vlans.yaml"), """
                switches: [{name: s1}]
                hosts: [{name: h1, ip: 10.0.0.1/24}, {name: h2, ip: 10.0.0.2/24}]
                links:
                  - {a: h1, b: s1, vlan: {tag: 10}}
                  - {a: h2, b: s1, vlan: {tag: 10}}
                """);
        assertOneLineError(List.of("run", "--topo", vlans.toString(), "--protocols", "OpenFlow10"),
                "flowlab: this network has VLANs, and the VLAN stage needs several flow tables", "OpenFlow 1.0");
    }

    @Test
    void vlansAreRefusedWithControllerProcesses(@TempDir Path dir) throws Exception {
        Path vlans = Files.writeString(dir.resolve("vlans.yaml"), """
                switches: [{name: s1}]
                hosts: [{name: h1, ip: 10.0.0.1/24}, {name: h2, ip: 10.0.0.2/24}]
                links:
                  - {a: h1, b: s1, vlan: {tag: 10}}
                  - {a: h2, b: s1, vlan: {tag: 20}}
                """);
        assertOneLineError(List.of("run", "--topo", vlans.toString(), "--controllers", "2"),
                "flowlab: this network has VLANs, and --controllers N processes are not told", "embedded controller");
    }

    /** Each member would refuse these at start, in its own log, after the others had started: refused here first. */
    @Test
    void appsTheControllerProcessesWouldRefuseAreRefusedBeforeAnyStarts(@TempDir Path dir) throws Exception {
        assertOneLineError(List.of("run", "--topo", "ring,3", "--controllers", "2", "--apps", "stp,routing"),
                "flowlab: app stp cannot run beside routing", "run stp with learning-switch or hub");
        Path acl = Files.writeString(dir.resolve("acl.yaml"), "rules:\n  - {action: maybe}\n");
        assertOneLineError(List.of("run", "--topo", "single,2", "--controllers", "2", "--apps", "acl,learning-switch",
                "--app-config", "acl=" + acl), "flowlab: ", "maybe");
        assertThat(ProcessHandle.current().children().filter(p -> p.info().commandLine().orElse("").contains(" controller "))
                .toList()).as("controller processes started").isEmpty();
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
