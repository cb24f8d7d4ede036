package dev.flowlab.lab;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns "phase X: done of total" events from a network build into the step's progress line,
 * e.g. {@code hosts 420/1000  links 380/1000}, redrawn at most ten times a second.
 */
public final class BuildProgressLine {
    private static final long REDRAW_NANOS = 100_000_000L;

    private final Progress.Stage step;
    private final Map<String, long[]> phases = new LinkedHashMap<>();
    private long lastDrawNanos;

    public BuildProgressLine(Progress.Stage step) {
        this.step = step;
    }

    /** Records that {@code done} of {@code total} items of {@code phase} are finished; thread-safe. */
    public synchronized void update(String phase, long done, long total) {
        phases.put(phase, new long[] {done, total});
        long now = System.nanoTime();
        if (now - lastDrawNanos >= REDRAW_NANOS || done == total) {
            lastDrawNanos = now;
            step.progress(describe());
        }
    }

    /** The current state as one line: {@code hosts 420/1000  links 380/1000}. */
    public synchronized String describe() {
        StringBuilder sb = new StringBuilder();
        phases.forEach((phase, counts) -> {
            if (sb.length() > 0) {
                sb.append("  ");
            }
            sb.append(phase).append(' ').append(counts[0]);
            if (counts[1] > 0) {
                sb.append('/').append(counts[1]);
            }
        });
        return sb.toString();
    }
}
