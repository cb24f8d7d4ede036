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
 * another program since has another start time and is left alone. Directories those processes write
 * (logs, a Raft log) are recorded as {@code dir PATH} lines and removed once the processes are gone.
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

    /** Records {@code dir} as the run's: removed with it, after its processes are stopped. */
    static void adoptDirectory(RunState state, Path dir) {
        try {
            Files.createDirectories(state.workDir());
            Files.writeString(file(state), "dir " + dir.toAbsolutePath() + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new DataplaneException("cannot record directory " + dir + " in " + file(state) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Kills (SIGKILL) every recorded process still alive as itself, waiting up to 5 s for each, then removes the
     * recorded directories; returns what it stopped and removed.
     */
    static List<String> killAll(RunState state) {
        Path file = file(state);
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> killed = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (String line : lines) {
                String[] f = line.strip().split(" ");
                if (f.length != 2 || f[0].equals("dir")) {
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
            for (String line : lines) {
                if (line.startsWith("dir ")) {
                    Path dir = Path.of(line.substring(4).strip());
                    if (removeTree(dir)) {
                        killed.add("directory " + dir);
                    }
                }
            }
        } catch (IOException | NumberFormatException e) {
            throw new DataplaneException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return killed;
    }

    /** Removes {@code dir} and everything in it; false when it was not there. */
    private static boolean removeTree(Path dir) throws IOException {
        if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
        return true;
    }

    private static Path file(RunState state) {
        return state.workDir().resolve(FILE);
    }
}
