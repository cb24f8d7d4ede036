package dev.flowlab.dataplane;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared hold of a machine-wide knob, on a stand-in file (the real one is /sys/kernel/rcu_expedited). */
class RcuExpeditedTest {
    @TempDir
    Path dir;

    private RcuExpedited knob(String value) throws IOException {
        Files.writeString(dir.resolve("knob"), value + "\n");
        return new RcuExpedited(dir.resolve("knob"), dir.resolve("run/rcu-expedited"));
    }

    private String value() throws IOException {
        return Files.readString(dir.resolve("knob")).strip();
    }

    @Test
    void setForTheHoldAndRestoredAfter() throws IOException {
        RcuExpedited rcu = knob("0");
        try (RcuExpedited.Hold hold = rcu.acquire()) {
            assertThat(value()).isEqualTo("1");
            assertThat(Files.readAllLines(dir.resolve("run/rcu-expedited")).get(0)).isEqualTo("0");
        }
        assertThat(value()).isEqualTo("0");
        assertThat(dir.resolve("run/rcu-expedited")).doesNotExist();
    }

    @Test
    void theLastHolderOutRestores() throws IOException {
        RcuExpedited rcu = knob("0");
        RcuExpedited.Hold first = rcu.acquire();
        RcuExpedited.Hold second = rcu.acquire();
        first.close();
        assertThat(value()).as("the second holder still tears down").isEqualTo("1");
        second.close();
        assertThat(value()).isEqualTo("0");
    }

    @Test
    void aValueThatWasAlreadySetStaysSet() throws IOException {
        RcuExpedited rcu = knob("1");
        rcu.acquire().close();
        assertThat(value()).isEqualTo("1");
    }

    @Test
    void aDeadHoldersSettingIsRestoredByCleanAndNotSavedAsTheOldValue() throws IOException {
        RcuExpedited rcu = knob("1");   // a run set it, then was killed with -9 before restoring
        Files.createDirectories(dir.resolve("run"));
        Files.writeString(dir.resolve("run/rcu-expedited"), "0\n999999999 12345 1\n");
        rcu.acquire().close();
        assertThat(value()).as("the next run restores what the dead one found").isEqualTo("0");

        Files.writeString(dir.resolve("knob"), "1\n");
        Files.writeString(dir.resolve("run/rcu-expedited"), "0\n999999999 12345 1\n");
        assertThat(rcu.restoreIfAbandoned()).isEqualTo("0");
        assertThat(value()).isEqualTo("0");
        assertThat(rcu.restoreIfAbandoned()).as("nothing left to restore").isNull();
    }

    @Test
    void cleanLeavesALiveHolderAlone() throws IOException {
        RcuExpedited rcu = knob("0");
        try (RcuExpedited.Hold hold = rcu.acquire()) {
            assertThat(rcu.restoreIfAbandoned()).isNull();
            assertThat(value()).isEqualTo("1");
        }
    }
}
