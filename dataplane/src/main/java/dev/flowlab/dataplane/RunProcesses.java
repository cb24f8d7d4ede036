package dev.flowlab.dataplane;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Processes in the root namespace a run started and owns (its controller processes), recorded as
 * {@code PID START-TICKS} lines in the run's work directory the moment they are adopted, so teardown
 * and {@code flowlab clean} after a {@code kill -9} of flowlab stop exactly those: a pid reused by
 * another program since has another start time and is left alone.
 */
final class RunProcesses {
    private static final String FILE = "processes";

    private RunProcesses() {
    }

    /** Records {@code process} as the run's (appended: earlier ones stay recorded). */
    static void adopt(RunState state, ProcessHandle process) {
        long ticks = ProcessStart.ticks(process.pid());
        if (ticks < 0) {
            return;   // already gone: nothing to stop later
        }
        try {
            Files.createDirectories(state.workDir());
            Files.writeString(file(state), process.pid() + " " + ticks + "\n", StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new DataplaneException("cannot record process " + process.pid() + " in " + file(state) + ": "
                    + e.getMessage(), e);
        }
    }

    /** Kills (SIGKILL) every recorded process still alive as itself, waits up to 5 s for each; returns them. */
    static List<String> killAll(RunState state) {
        Path file = file(state);
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> killed = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                String[] f = line.strip().split(" ");
                if (f.length != 2) {
                    continue;
                }
                long pid = Long.parseLong(f[0]);
                if (ProcessStart.ticks(pid) != Long.parseLong(f[1])) {
                    continue;   // ended, or the pid now belongs to another program
                }
                ProcessHandle.of(pid).ifPresent(h -> {
                    h.destroyForcibly();
                    try {
                        h.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (Exception e) {
                        // still reported: it was signalled
                    }
                    killed.add("process " + pid);
                });
            }
        } catch (IOException | NumberFormatException e) {
            throw new DataplaneException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return killed;
    }

    private static Path file(RunState state) {
        return state.workDir().resolve(FILE);
    }
}
