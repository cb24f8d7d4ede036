package dev.flowlab.dataplane;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
        RunState s = new RunState("abc", 42, 7, 123456, List.of("h1"),
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
        RunState mine = new RunState("a", self, ProcessStart.self(), 1, List.of(), List.of(), List.of());
        RunState reusedPid = new RunState("b", self, ProcessStart.self() - 1, 1, List.of(), List.of(), List.of());
        RunState gone = new RunState("c", Integer.MAX_VALUE, 5, 1, List.of(), List.of(), List.of());

        assertThat(mine.ownerAlive()).isTrue();
        assertThat(reusedPid.ownerAlive()).isFalse();
        assertThat(gone.ownerAlive()).isFalse();
    }

    @Test
    void theJournalProvesOwnershipLineByLineAndGoesWithTheRunState() throws Exception {
        RunState s = new RunState("j1", 42, 7, 1, List.of("h1", "h2"), List.of(), List.of());
        s.save();
        s.journal().record(OwnershipJournal.Kind.NETNS, "h1", 4026532001L);
        s.journal().record(OwnershipJournal.Kind.UTS, "h1", 4026532002L);
        Files.writeString(dir.resolve("j1" + OwnershipJournal.FILE_SUFFIX), "NETNS h2 40265",
                java.nio.file.StandardOpenOption.APPEND);   // a line a SIGKILL cut short: no newline
        Files.writeString(dir.resolve("j1" + OwnershipJournal.FILE_SUFFIX), "\nNETNS h3\n",
                java.nio.file.StandardOpenOption.APPEND);   // and one without an inode

        var recorded = s.journal().read();
        assertThat(recorded.get(OwnershipJournal.Kind.NETNS)).containsEntry("h1", 4026532001L).doesNotContainKey("h3");
        assertThat(recorded.get(OwnershipJournal.Kind.UTS)).containsOnly(java.util.Map.entry("h1", 4026532002L));

        s.delete();
        assertThat(dir.resolve("j1" + OwnershipJournal.FILE_SUFFIX)).doesNotExist();
        assertThat(s.journal().read().get(OwnershipJournal.Kind.NETNS)).isEmpty();
    }
}
