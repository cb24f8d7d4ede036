package dev.flowlab.dataplane;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sets the kernel's {@code /sys/kernel/rcu_expedited} to 1 while flowlab tears a network down, and puts the
 * old value back afterwards.
 *
 * <p>Why: on the userspace datapath ovs-vswitchd closes one AF_PACKET socket per deleted port, one after
 * another, and each close waits for an RCU grace period (7-15 ms); expedited grace periods make that wait
 * short (tree,3,10: 1,221 ports, teardown ~20 s → ~6 s). The setting is machine-wide, so it is held only for
 * the teardown, and several flowlab runs (processes or threads) share it: each holder is recorded in
 * {@code /run/flowlab/rcu-expedited} (the value found before the first holder, then one line per holder:
 * pid, process start time, token), changed only under a file lock. The first holder saves the old value
 * and sets 1; the last one out restores it. A holder whose process died (kill -9) is dropped by the next
 * one, and {@link #restoreIfAbandoned()} (called by {@code flowlab clean}) restores the old value when no
 * live holder is left. Where the file cannot be written (no root, read-only sysfs) nothing changes.
 */
public final class RcuExpedited {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RcuExpedited.class);
    private static final AtomicLong TOKENS = new AtomicLong();
    private static final RcuExpedited MACHINE = new RcuExpedited(Path.of("/sys/kernel/rcu_expedited"),
            Path.of(System.getProperty("flowlab.rcu.state", "/run/flowlab/rcu-expedited")));

    private final Path knob;
    private final Path state;

    RcuExpedited(Path knob, Path state) {
        this.knob = knob;
        this.state = state;
    }

    /** The machine's setting and flowlab's record of its holders. */
    public static RcuExpedited machine() {
        return MACHINE;
    }

    /** A holder: {@link #close()} gives the setting back (the last holder out restores the old value). */
    public interface Hold extends AutoCloseable {
        @Override
        void close();
    }

    /** Sets expedited grace periods on until the returned hold is closed; a no-op hold where that is impossible. */
    public Hold acquire() {
        if (!Files.isWritable(knob)) {
            return () -> { };
        }
        String me = ProcessHandle.current().pid() + " " + ProcessStart.self() + " " + TOKENS.incrementAndGet();
        try {
            locked(record -> {
                if (record.saved == null) {   // kept when every earlier holder died: the knob shows their 1
                    record.saved = Files.readString(knob).strip();
                }
                record.holders.add(me);
                write(knob, "1");
            });
        } catch (IOException | RuntimeException e) {
            log.debug("rcu_expedited not set: {}", e.toString());
            return () -> { };
        }
        return () -> release(me);
    }

    /**
     * After a crash: drops holders whose process is gone and, if none is left, restores the value saved
     * before the first of them. @return the value restored, or null when nothing had to be restored
     */
    public String restoreIfAbandoned() {
        String[] restored = {null};
        try {
            if (Files.exists(state)) {
                locked(record -> restored[0] = record.holders.isEmpty() ? record.saved : null);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("cannot restore {}: {}", knob, e.toString());
        }
        return restored[0];
    }

    private void release(String me) {
        try {
            locked(record -> record.holders.remove(me));
        } catch (IOException | RuntimeException e) {
            log.warn("cannot restore {} (flowlab clean retries): {}", knob, e.toString());
        }
    }

    private interface Change {
        void apply(Record record) throws IOException;
    }

    /** The state file's content: the saved value and the live holders. */
    private static final class Record {
        String saved;
        final List<String> holders = new ArrayList<>();
    }

    /**
     * Reads the record under an exclusive lock of the state file (dropping dead holders), applies the change,
     * then either writes the record back or, when no holder is left, restores the saved value and deletes it.
     */
    private void locked(Change change) throws IOException {
        synchronized (RcuExpedited.class) {   // a file lock excludes other processes, not this one's threads
            lockedInProcess(change);
        }
    }

    private void lockedInProcess(Change change) throws IOException {
        Files.createDirectories(state.getParent());
        Path lockFile = state.resolveSibling(state.getFileName() + ".lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            Record record = read();
            change.apply(record);
            if (record.holders.isEmpty()) {
                if (record.saved != null) {
                    write(knob, record.saved);
                }
                Files.deleteIfExists(state);
            } else {
                Path tmp = state.resolveSibling(state.getFileName() + ".tmp");
                Files.writeString(tmp, record.saved + "\n" + String.join("\n", record.holders) + "\n");
                Files.move(tmp, state, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private Record read() throws IOException {
        Record record = new Record();
        List<String> lines;
        try {
            lines = Files.readAllLines(state);
        } catch (NoSuchFileException e) {
            return record;
        }
        if (!lines.isEmpty()) {
            record.saved = lines.get(0).strip();
        }
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] f = line.strip().split(" ");
            if (f.length == 3 && alive(Long.parseLong(f[0]), Long.parseLong(f[1]))) {
                record.holders.add(line.strip());
            }
        }
        return record;
    }

    private static boolean alive(long pid, long startTicks) {
        return startTicks >= 0 && ProcessStart.ticks(pid) == startTicks;
    }

    private static void write(Path file, String value) throws IOException {
        Files.writeString(file, value, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
