package dev.flowlab.apps.qos;

import dev.flowlab.controller.api.AppModule;

/** Registers the {@code qos} app. */
public final class QosModule extends AppModule {
    public QosModule() {
        super(Qos.ID, Qos.class);
    }
}
