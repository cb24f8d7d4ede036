package dev.flowlab.dataplane;

import java.util.ArrayList;
import java.util.List;

/**
 * What a teardown or clean-up removed, what it left on purpose, and what it could not remove.
 *
 * @param removed one entry per removed thing, e.g. {@code "bridge dps1"}, {@code "namespace dph1"}
 * @param kept    runs left alone, e.g. {@code "run 1a2b3c4d (process 4242 is alive)"}
 * @param errors  one line per failure (the rest was still attempted)
 */
public record CleanupReport(List<String> removed, List<String> kept, List<String> errors) {
    public CleanupReport {
        removed = List.copyOf(removed);
        kept = List.copyOf(kept);
        errors = List.copyOf(errors);
    }

    static CleanupReport empty() {
        return new CleanupReport(List.of(), List.of(), List.of());
    }

    /** True when nothing failed. */
    public boolean ok() {
        return errors.isEmpty();
    }

    /** Both reports in one. */
    public CleanupReport plus(CleanupReport other) {
        return new CleanupReport(concat(removed, other.removed), concat(kept, other.kept), concat(errors, other.errors));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
