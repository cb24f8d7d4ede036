package dev.flowlab.controller.api;

/**
 * Where an app adds its own REST endpoints. Paths are relative to {@code /api/<app-id>}, so the acl
 * app's {@code get("/rules", ...)} answers {@code GET /api/acl/rules}. A segment in braces is a
 * parameter: {@code delete("/rules/{id}", ...)} matches {@code /api/acl/rules/7} and
 * {@link RestRequest#param(String) param("id")} is {@code "7"}.
 *
 * <p>Handlers run on the REST server's few worker threads, never on a switch's I/O thread. One that
 * needs a switch's reply should return the {@link java.util.concurrent.CompletionStage} of it rather
 * than wait: a waiting handler holds a worker, and a switch that never answers would hold it for the
 * request's whole timeout. Every request reaching a handler carried the API's token. When the
 * controller runs without REST, routes are accepted and never called.
 */
public interface RestRoutes {

    /** Answers {@code GET} on the path. */
    void get(String path, RestHandler handler);

    /** Answers {@code POST} on the path. */
    void post(String path, RestHandler handler);

    /** Answers {@code PUT} (replace what is there) on the path. */
    void put(String path, RestHandler handler);

    /** Answers {@code DELETE} on the path. */
    void delete(String path, RestHandler handler);
}
