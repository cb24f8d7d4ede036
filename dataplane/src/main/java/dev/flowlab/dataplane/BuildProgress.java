package dev.flowlab.dataplane;

/**
 * Told how far a build has come, for a progress display. Called from the building threads; keep it quick.
 */
@FunctionalInterface
public interface BuildProgress {
    /** A listener that ignores everything. */
    BuildProgress NONE = (stage, done, total) -> { };

    /**
     * @param stage what is being made: {@code "namespaces and links"}, {@code "hosts"}, {@code "switches"},
     *              {@code "link shaping"}
     * @param done  how many of this stage are finished
     * @param total how many this stage has
     */
    void update(String stage, int done, int total);
}
