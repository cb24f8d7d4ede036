package dev.flowlab.dataplane;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Proof of what a run made, next to its run state: one line per namespace, appended the moment the
 * namespace exists ({@code NETNS h1 4026532771}). A namespace, a UTS bind mount or the file it is
 * mounted on counts as the run's only when its inode is written here, so a run killed half-way never
 * claims a same-named namespace someone else made after (or instead of) it. Appending a line costs
 * microseconds, where rewriting the run state per namespace would cost O(n²) for n hosts; the page
 * cache keeps written lines through a SIGKILL.
 */
final class OwnershipJournal {
    /** What a line records. */
    enum Kind {
        /** A host's network namespace: the inode of {@code /run/netns/NAME}. */
        NETNS,
        /** Its cookie, which the kernel never gives to another namespace (-1 on kernels without one). */
        NETNS_COOKIE,
        /** The empty file a host's UTS namespace is mounted on (before the mount). */
        UTS_FILE,
        /** A host's UTS namespace, as mounted on that file. */
        UTS
    }

    static final String FILE_SUFFIX = ".own";
    private final Path file;

    private OwnershipJournal(Path file) {
        this.file = file;
    }

    /** The journal of a run (a file beside its run state). */
    static OwnershipJournal of(String runId) {
        return new OwnershipJournal(RunState.dir().resolve(runId + FILE_SUFFIX));
    }

    /** Appends one line; throws when it cannot be written (then the thing must not be made, or be undone). */
    synchronized void record(Kind kind, String name, long inode) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, kind + " " + name + " " + inode + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new DataplaneException("cannot record " + name + " in " + file + ": " + e.getMessage(), e);
        }
    }

    /** Name to recorded inode, per kind; empty when nothing was recorded (or the file is gone). */
    Map<Kind, Map<String, Long>> read() {
        Map<Kind, Map<String, Long>> all = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            all.put(k, new HashMap<>());
        }
        List<String> lines;
        try {
            lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new DataplaneException("cannot read " + file + ": " + e.getMessage(), e);
        }
        for (String line : lines) {
            String[] f = line.strip().split(" ");
            // A line cut short by a crash mid-write proves nothing: skipped.
            if (f.length == 3 && f[2].matches("-?\\d+")) {
                try {
                    all.get(Kind.valueOf(f[0])).put(f[1], Long.parseLong(f[2]));
                } catch (IllegalArgumentException e) {
                    // an unknown kind: written by another flowlab version, not evidence for this one
                }
            }
        }
        return all;
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new DataplaneException("cannot delete " + file + ": " + e.getMessage(), e);
        }
    }
}
