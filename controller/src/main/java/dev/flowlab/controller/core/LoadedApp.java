package dev.flowlab.controller.core;

import dev.flowlab.controller.api.App;

/** An app instance with the id it runs under (its module's id, or its class name for an app given directly). */
public record LoadedApp(String id, App app) {
}
