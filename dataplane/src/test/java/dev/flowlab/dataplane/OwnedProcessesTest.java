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

/** A run record of processes alone: made before the first starts, each recorded as it starts, all gone at close. */
class OwnedProcessesTest {
    @TempDir
    Path dir;

    @BeforeEach
    void useTempDir() {
        System.setProperty("flowlab.state.dir", dir.resolve("runs").toString());
    }

    @AfterEach
    void restore() {
        System.clearProperty("flowlab.state.dir");
    }

    @Test
    void theRecordExistsBeforeAnyProcessAndEachIsRecordedAsItStarts() throws Exception {
        OwnedProcesses owned = OwnedProcesses.record();
        Path record = RunState.dir().resolve(owned.runId() + RunState.FILE_SUFFIX);
        assertThat(record).exists();
        assertThat(RunState.load(record).ownerAlive()).isTrue();
        Path logs = Files.createDirectories(dir.resolve("logs"));
        owned.adoptDirectory(logs);

        Process cat = owned.start(List.of("cat"), logs.resolve("cat.log"), false);   // waits on its stdin, as a member does
        assertThat(Files.readString(RunState.load(record).workDir().resolve("processes")))
                .contains(cat.pid() + " " + ProcessStart.ticks(cat.pid()));

        owned.close();
        assertThat(cat.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(logs).doesNotExist();
        assertThat(record).doesNotExist();
    }

    @Test
    void aProcessWhoseStdinEndsSeesEndOfFile() throws Exception {
        OwnedProcesses owned = OwnedProcesses.record();
        Process cat = owned.start(List.of("cat"), dir.resolve("cat.log"), false);
        cat.getOutputStream().close();   // what the kernel does when this JVM dies
        assertThat(cat.waitFor(5, TimeUnit.SECONDS)).isTrue();
        owned.close();
    }
}
