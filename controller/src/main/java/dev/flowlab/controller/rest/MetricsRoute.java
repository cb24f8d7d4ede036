package dev.flowlab.controller.rest;

import dev.flowlab.controller.metrics.ControllerMetrics;

/** {@code GET /metrics}: Prometheus text, behind the same token as the rest of the API. */
public final class MetricsRoute {
    private MetricsRoute() {
    }

    public static void register(RouteTable routes, ControllerMetrics metrics) {
        routes.add("GET", "/metrics", r -> Reply.of(200, ControllerMetrics.CONTENT_TYPE, metrics.scrape()));
    }
}
