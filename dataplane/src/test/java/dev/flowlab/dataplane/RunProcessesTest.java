package dev.flowlab.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Processes (and their directories) a run adopts are recorded on disk and stopped (removed) by teardown, but never a pid reused by another program. */
class RunProcessesTest {
    @TempDir
    Path dir;
    private Process sleeper;

    @BeforeEach
    void useTempDir() {
        System.setProperty("flowlab.state.dir", dir.toString());
    }

    @AfterEach
    void restore() throws InterruptedException {
        System.clearProperty("flowlab.state.dir");
        if (sleeper != null) {
            sleeper.destroyForcibly().waitFor();
        }
    }

    @Test
    void anAdoptedProcessIsRecordedAtOnceAndKilledByTeardown() throws Exception {
        RunState state = new RunState("p1", ProcessHandle.current().pid(), ProcessStart.self(), 1, List.of(), List.of(), List.of());
        sleeper = new ProcessBuilder("sleep", "60").start();

        RunProcesses.adopt(state, sleeper.toHandle());

        assertThat(Files.readString(state.workDir().resolve("processes"))).startsWith(sleeper.pid() + " ");
        Path logs = Files.createDirectories(dir.resolve("controller-logs/raft-1"));
        Files.writeString(logs.resolve("log"), "x");
        RunProcesses.adoptDirectory(state, dir.resolve("controller-logs"));

        assertThat(RunProcesses.killAll(state)).containsExactly("process " + sleeper.pid(),
                "directory " + dir.resolve("controller-logs"));
        assertThat(sleeper.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(dir.resolve("controller-logs")).doesNotExist();
    }

    @Test
    void aRecordedPidThatNowBelongsToAnotherProgramIsLeftAlone() throws Exception {
        RunState state = new RunState("p2", ProcessHandle.current().pid(), ProcessStart.self(), 1, List.of(), List.of(), List.of());
        sleeper = new ProcessBuilder("sleep", "60").start();
        Files.createDirectories(state.workDir());
        // Same pid, another start time: the process recorded then is gone and this one merely reuses its pid.
        Files.writeString(state.workDir().resolve("processes"), sleeper.pid() + " " + (ProcessStart.ticks(sleeper.pid()) - 1) + "\n");

        assertThat(RunProcesses.killAll(state)).isEmpty();
        assertThat(sleeper.isAlive()).isTrue();
    }
}
