package dev.flowlab.apps.routing;

import dev.flowlab.controller.api.AppModule;

/** Registers {@link ShortestPathRouting} as {@code routing}. */
public final class RoutingModule extends AppModule {
    public RoutingModule() {
        super("routing", ShortestPathRouting.class);
    }
}
