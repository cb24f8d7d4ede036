package dev.flowlab.bench.controller;

/** Sees a run's progress as it happens (the report prints it). */
interface LoadListener {
    /**
     * The first cycle of packet-ins is over: every host of every switch was seen by the controller
     * ({@code complete}), or the learning time ran out first.
     */
    void learned(double seconds, boolean complete);

    /** A loop has ended. */
    void loop(LoopSample loop);
}
