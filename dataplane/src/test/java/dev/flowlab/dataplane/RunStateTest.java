package dev.flowlab.dataplane;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RunStateTest {
    @TempDir
    Path dir;

    @BeforeEach
    void useTempDir() {
        System.setProperty("flowlab.state.dir", dir.toString());
    }

    @AfterEach
    void restore() {
        System.clearProperty("flowlab.state.dir");
    }

    @Test
    void savesAndLoadsEverythingNeededToRemoveTheRun() {
        RunState s = new RunState("abc", 42, 7, 123456, List.of("h1"), Map.of("h1", 4026532000L),
                List.of("s1-eth1"), List.of("s1"));
        s.save();

        assertThat(RunState.files()).containsExactly(dir.resolve("abc.run"));
        assertThat(RunState.load(dir.resolve("abc.run"))).isEqualTo(s);

        s.delete();
        assertThat(Files.exists(dir.resolve("abc.run"))).isFalse();
    }

    @Test
    void theOwnerIsAliveOnlyWithTheSamePidAndStartTime() {
        long self = ProcessHandle.current().pid();
        RunState mine = new RunState("a", self, ProcessStart.self(), 1, List.of(), Map.of(), List.of(), List.of());
        RunState reusedPid = new RunState("b", self, ProcessStart.self() - 1, 1, List.of(), Map.of(), List.of(), List.of());
        RunState gone = new RunState("c", Integer.MAX_VALUE, 5, 1, List.of(), Map.of(), List.of(), List.of());

        assertThat(mine.ownerAlive()).isTrue();
        assertThat(reusedPid.ownerAlive()).isFalse();
        assertThat(gone.ownerAlive()).isFalse();
    }
}
