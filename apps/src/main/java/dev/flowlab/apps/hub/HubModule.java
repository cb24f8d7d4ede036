package dev.flowlab.apps.hub;

import dev.flowlab.controller.api.AppModule;

/** Registers {@link Hub} as {@code hub}. */
public final class HubModule extends AppModule {
    public HubModule() {
        super("hub", Hub.class);
    }
}
