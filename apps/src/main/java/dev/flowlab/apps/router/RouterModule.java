package dev.flowlab.apps.router;

import dev.flowlab.controller.api.AppModule;

/** Registers the {@code router} app. */
public final class RouterModule extends AppModule {
    public RouterModule() {
        super("router", Router.class);
    }
}
