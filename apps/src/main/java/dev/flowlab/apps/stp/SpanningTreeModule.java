package dev.flowlab.apps.stp;

import dev.flowlab.controller.api.AppModule;

/** Registers {@link SpanningTree} as {@code stp}. */
public final class SpanningTreeModule extends AppModule {
    public SpanningTreeModule() {
        super(SpanningTree.ID, SpanningTree.class);
    }
}
