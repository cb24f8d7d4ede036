package dev.flowlab.dataplane;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one process runner: drained streams, a deadline that kills the whole tree, clear failures. */
class ProcessRunnerTest {
    @Test
    void aChattyCommandDoesNotBlockOnAFullPipe() {
        // 2 MB on each stream: far beyond a pipe's 64 KB, so undrained streams would hang it.
        ExecResult r = ProcessRunner.run(List.of("sh", "-c", "head -c 2000000 /dev/zero | tr '\\0' a; "
                + "head -c 2000000 /dev/zero | tr '\\0' b >&2"), null, Duration.ofSeconds(30));
        assertThat(r.ok()).isTrue();
        assertThat(r.stdout()).hasSize(2_000_000);
        assertThat(r.stderr()).hasSize(2_000_000);
    }

    @Test
    void theDeadlineKillsTheCommandAndWhatItStarted() throws Exception {
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> ProcessRunner.run(List.of("sh", "-c", "sleep 300 & echo $! > /dev/stderr; sleep 300"),
                null, Duration.ofMillis(500)))
                .isInstanceOf(CommandTimeoutException.class)
                .isInstanceOf(CommandFailedException.class)
                .hasMessageContaining("sh -c sleep 300")
                .hasMessageContaining("did not finish within 500 ms")
                .satisfies(e -> assertThat(((CommandFailedException) e).exitCode()).isEqualTo(-1));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("returned soon after the deadline").isLessThan(Duration.ofSeconds(20));
        assertThat(ProcessHandle.current().descendants().filter(p -> p.info().command().orElse("").endsWith("sleep")))
                .as("no sleep left behind").isEmpty();
    }

    @Test
    void aFailureNamesArgvExitCodeAndStderr() {
        assertThatThrownBy(() -> ProcessRunner.check("sh", "-c", "echo broken pipe dream >&2; exit 7"))
                .isInstanceOfSatisfying(CommandFailedException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(7);
                    assertThat(e.argv()).containsExactly("sh", "-c", "echo broken pipe dream >&2; exit 7");
                    assertThat(e.stderr()).contains("broken pipe dream");
                    assertThat(e.getMessage()).contains("failed (exit 7)").contains("broken pipe dream");
                });
        assertThatThrownBy(() -> ProcessRunner.run("no-such-tool-anywhere"))
                .isInstanceOf(DataplaneException.class).hasMessageContaining("no-such-tool-anywhere cannot be run");
    }

    @Test
    void streamHandsOverEachLineWhileTheCommandStillRuns() throws Exception {
        List<String> lines = new ArrayList<>();
        // The second line is only printed once the first has arrived here: no line-at-exit buffering.
        java.nio.file.Path fifo = java.nio.file.Files.createTempDirectory("runner").resolve("go");
        ProcessRunner.check("mkfifo", fifo.toString());
        int exit = ProcessRunner.stream(List.of("sh", "-c", "echo first; read x < " + fifo + "; echo second"), line -> {
            lines.add(line);
            if (line.equals("first")) {
                ProcessRunner.check("sh", "-c", "echo go > " + fifo);
            }
        }, Duration.ofSeconds(30));
        assertThat(exit).isZero();
        assertThat(lines).containsExactly("first", "second");
    }

    @Test
    void stopEndsAProgramThatIgnoresSigterm() throws Exception {
        java.nio.file.Path log = java.nio.file.Files.createTempFile("runner", ".log");
        Process p = ProcessRunner.startLogged(List.of("sh", "-c", "trap '' TERM; echo up; while :; do sleep 1; done"), log);
        ProcessRunner.stop(p, Duration.ofMillis(200));
        assertThat(p.isAlive()).isFalse();
        java.nio.file.Files.deleteIfExists(log);
    }
}
