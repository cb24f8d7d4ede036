package dev.flowlab.dataplane;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's start time from /proc, so a pid reused by another process is not mistaken for it. */
final class ProcessStart {
    private ProcessStart() {
    }

    /** Start time in clock ticks since boot, or -1 when there is no such process (or only its zombie). */
    static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // A process killed with -9 stays a zombie until its parent reaps it; it owns nothing any more.
            boolean dead = fields[0].equals("Z") || fields[0].equals("X");
            return dead ? -1 : Long.parseLong(fields[19]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static long self() {
        return ticks(ProcessHandle.current().pid());
    }
}
