package dev.flowlab.cli.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.cli.Main;
import dev.flowlab.lab.system.SystemTests;
import dev.flowlab.testkit.Leftovers;
import dev.flowlab.testkit.SystemTest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Ctrl-C while {@code flowlab run --controllers N} starts its members: the shutdown hook's teardown and the start-up
 * still under way on the main thread do not race. Before, the hook could find no members yet, remove the run record,
 * and the main thread then started (and recorded again) more members, which ran on after flowlab exited, or only
 * ended by chance, on end-of-file of their stdin.
 */
@SystemTest("rci")
class InterruptedStartSystemTest {
    @Test
    void ctrlCWhileTheMembersStartStopsEveryOneBeforeFlowlabExitsAndLeavesCleanNothing() throws Exception {
        Set<String> logDirs = new HashSet<>();   // from the members' command lines, read while they run
        long flowlabPid;
        try (FlowlabProcess flowlab = new FlowlabProcess("run", "--topo", "linear,2", "--controllers", "3", "--prefix", "rci")) {
            flowlabPid = flowlab.process().pid();
            SystemTests.until("flowlab has started a controller process", () -> {
                flowlab.process().children().forEach(m -> logDir(m).ifPresent(logDirs::add));
                return !logDirs.isEmpty() || !flowlab.process().isAlive();
            });
            SystemTests.must("kill", "-INT", String.valueOf(flowlabPid));
            SystemTests.until("flowlab has exited", () -> {
                flowlab.process().children().forEach(m -> logDir(m).ifPresent(logDirs::add));
                return !flowlab.process().isAlive();
            });
            flowlab.awaitExit(30);
        }
        assertThat(logDirs).as("the members' log directory").hasSize(1);
        String logDir = logDirs.iterator().next();

        // Right when flowlab has exited: no waiting for members to notice anything.
        assertThat(ProcessHandle.allProcesses().filter(p -> p.isAlive() && args(p).contains(logDir)).toList())
                .as("members of the interrupted run (log directory %s) still running", logDir).isEmpty();
        assertThat(Path.of(logDir)).as("the members' log directory").doesNotExist();
        assertThat(runRecordsOf(flowlabPid)).as("run records of the interrupted flowlab").isEmpty();

        StringWriter out = new StringWriter();
        CommandLine clean = Main.commandLine();
        clean.setOut(new PrintWriter(out));
        assertThat(clean.execute("clean")).isZero();
        assertThat(out.toString()).as("flowlab clean after the interrupted run").doesNotContain(logDir);
        assertThat(Leftovers.named("rci")).isEmpty();
    }

    /** The members' directory, from a member's command line ({@code --rest-token-dir DIR}); empty before its exec. */
    private static Optional<String> logDir(ProcessHandle member) {
        List<String> args = Arrays.asList(args(member).split("\0"));
        int i = args.indexOf("--rest-token-dir");
        return i < 0 || i + 1 >= args.size() ? Optional.empty() : Optional.of(args.get(i + 1));
    }

    /**
     * Its command line from {@code /proc} (arguments NUL-separated): {@link ProcessHandle.Info#arguments()} is empty
     * for a command line as long as a member's (its class path).
     */
    private static String args(ProcessHandle p) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "cmdline")));
        } catch (IOException e) {
            return "";
        }
    }

    private static List<Path> runRecordsOf(long pid) throws IOException {
        Path runs = Path.of("/run/flowlab/runs");
        if (!Files.isDirectory(runs)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(runs)) {
            return files.filter(Files::isRegularFile).filter(f -> read(f).contains("pid=" + pid + "\n")).toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
