package dev.flowlab.dataplane;

import dev.flowlab.testkit.Leftovers;
import dev.flowlab.testkit.SystemTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code flowlab clean} after a run was killed (SIGKILL) at each build step, with a decoy of the same
 * name as one of its hosts made by someone else meanwhile (a network namespace and a UTS namespace
 * mounted where flowlab keeps its own): clean removes everything the run made and nothing of the decoy's.
 * The kernel tends to give a decoy made right after the run's namespace was deleted that namespace's
 * very inode number, so this also checks what tells them apart beyond the inode.
 */
@SystemTest(CleanAfterKillTest.PREFIX)
class CleanAfterKillTest {
    static final String PREFIX = "dpk";
    private static final String RUN = "dpkrun";
    private static final String DECOY = PREFIX + "h2";

    final SystemTestNetwork sys = new SystemTestNetwork(PREFIX);

    @AfterEach
    void removeDecoy() {
        ProcessRunner.run("ip", "netns", "del", DECOY);
        Path uts = HostIdentity.utsFile(DECOY);
        ProcessRunner.run("umount", uts.toString());
        ProcessRunner.run("rm", "-f", uts.toString());
        for (String h : List.of("h1", "h2", "h3")) {
            ProcessRunner.run("rm", "-rf", HostIdentity.ETC_NETNS.resolve(PREFIX + h).toString());
        }
        sys.assertNothingLeft();   // the decoy namespace went with the prefix's leftovers
    }

    @ParameterizedTest(name = "killed at {0}")
    @ValueSource(strings = {"namespace dpkh1", "namespace dpkh3", "hosts", "switches", "ready"})
    void cleanRemovesWhatTheRunMadeAndLeavesTheDecoyAlone(String step) throws Exception {
        Process child = startChild(step);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.lines().filter(l -> l.startsWith("AT ")).findFirst()).as("child reached " + step)
                    .contains("AT " + step);
            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        long decoyNetns = replaceWithDecoyNamespace(DECOY);
        long decoyUts = replaceWithDecoyUts(HostIdentity.utsFile(DECOY));

        CleanupReport report = Cleanup.sweep(false, name -> name.startsWith(PREFIX));

        assertThat(report.errors()).isEmpty();
        assertThat(NamespaceProcesses.inode(DECOY)).as("the decoy namespace").isEqualTo(decoyNetns);
        assertThat(Files.getAttribute(HostIdentity.utsFile(DECOY), "unix:ino")).as("the decoy UTS namespace")
                .isEqualTo(decoyUts);
        assertThat(Leftovers.namespaces(PREFIX)).containsExactly(DECOY);
        assertThat(Leftovers.interfaces(PREFIX)).isEmpty();
        assertThat(Leftovers.bridges(PREFIX)).isEmpty();
        assertThat(HostIdentity.utsFile(PREFIX + "h1")).doesNotExist();
        assertThat(RunState.dir().resolve(RUN + RunState.FILE_SUFFIX)).doesNotExist();
        assertThat(RunState.dir().resolve(RUN + OwnershipJournal.FILE_SUFFIX)).doesNotExist();
        if (!step.equals("namespace dpkh1")) {
            assertThat(report.removed()).contains("namespace " + PREFIX + "h1");
        }
    }

    private static Process startChild(String step) throws java.io.IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), KilledAtStepChild.class.getName(),
                PREFIX, RUN, step).redirectErrorStream(true).start();
    }

    /** Someone else's namespace under the run's name for a host: the run's own (if made) deleted first. */
    private static long replaceWithDecoyNamespace(String name) {
        ProcessRunner.run("ip", "netns", "del", name);
        ProcessRunner.check("ip", "netns", "add", name);
        return NamespaceProcesses.inode(name);
    }

    /** Someone else's UTS namespace mounted where flowlab keeps the host's (the run's own unmounted first). */
    private static long replaceWithDecoyUts(Path file) throws Exception {
        ProcessRunner.run("umount", file.toString());
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            Files.createFile(file);
        }
        ProcessRunner.check("unshare", "--uts=" + file, "true");
        return ((Number) Files.getAttribute(file, "unix:ino")).longValue();
    }
}
