package dev.flowlab.apps.acl;

import dev.flowlab.controller.api.AppModule;

/** Registers the {@code acl} app. */
public final class AclModule extends AppModule {
    public AclModule() {
        super("acl", Acl.class);
    }
}
