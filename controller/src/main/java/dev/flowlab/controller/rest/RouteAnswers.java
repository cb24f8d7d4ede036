package dev.flowlab.controller.rest;

import dev.flowlab.controller.api.RestException;
import dev.flowlab.controller.api.RestResponse;
import dev.flowlab.controller.view.ViewPage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an admitted request into its answer: the static page at {@code /}, the route index at
 * {@code /api}, or a route's handler, run on the worker threads (never on the server's I/O
 * thread). A handler that returns a {@link CompletionStage} is answered when it completes, so
 * waiting for a switch holds no thread at all; one that never completes is answered 504 after
 * {@link #LONGEST}.
 */
final class RouteAnswers {
    private static final Logger LOG = LoggerFactory.getLogger(RouteAnswers.class);
    /** Longer than a switch request's own timeout, so that its clearer error comes first. */
    static final Duration LONGEST = Duration.ofSeconds(30);

    private final RouteTable routes;
    private final Executor workers;
    private final String page;

    RouteAnswers(RouteTable routes, Executor workers) {
        this.routes = routes;
        this.workers = workers;
        this.page = staticPage();
    }

    /** The answer, made on a worker thread; never completes exceptionally (a failure is an error reply). */
    CompletableFuture<Reply> answer(String method, String path, String rawQuery, byte[] body) {
        CompletableFuture<Reply> reply;
        try {
            reply = CompletableFuture.supplyAsync(() -> start(method, path, rawQuery, body), workers)
                    .thenCompose(r -> r);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(Reply.error(Failures.toRest(e)));
        }
        return reply.orTimeout(LONGEST.toSeconds(), TimeUnit.SECONDS)
                .exceptionally(e -> failed(method, path, e));
    }

    private CompletableFuture<Reply> start(String method, String path, String rawQuery, byte[] body) {
        if (path.equals("/")) {
            return done(method.equals("GET") ? Reply.of(200, "text/html; charset=utf-8", page) : notAllowed(Set.of("GET"), method, path));
        }
        if (path.equals("/api") || path.equals("/api/")) {
            return done(method.equals("GET") ? Reply.json(200, Map.of("routes", routes.describe()))
                    : notAllowed(Set.of("GET"), method, path));
        }
        Optional<RouteTable.Found> found = routes.find(method, path);
        if (found.isEmpty()) {
            Set<String> allowed = routes.methodsFor(path);
            if (allowed.isEmpty()) {
                throw RestException.notFound("no REST resource at " + path + "; GET /api lists them");
            }
            return done(notAllowed(allowed, method, path));
        }
        RoutedRequest request = new RoutedRequest(found.get().params(), rawQuery, body);
        Object result = found.get().route().handler().handle(request);
        if (result instanceof CompletionStage<?> later) {
            return later.toCompletableFuture().thenApplyAsync(RouteAnswers::success, workers);
        }
        return done(success(result));
    }

    private static Reply success(Object result) {
        if (result instanceof Reply text) {   // not JSON: /metrics
            return text;
        }
        return result instanceof RestResponse r ? Reply.json(r.status(), r.body()) : Reply.json(200, result);
    }

    private static Reply failed(String method, String path, Throwable thrown) {
        Throwable cause = Failures.cause(thrown);
        if (cause instanceof TimeoutException && cause.getMessage() == null) {   // ours, from orTimeout
            return Reply.error(504, "no answer within " + LONGEST.toSeconds() + " s");
        }
        RestException mapped = Failures.toRest(cause);
        if (mapped.status() == 500) {
            LOG.warn("REST {} {} failed: {}", method, path, cause.toString(), cause);
        }
        return Reply.error(mapped);
    }

    private static Reply notAllowed(Set<String> allowed, String method, String path) {
        return Reply.error(405, method + " is not allowed on " + path + "; allowed: " + String.join(", ", allowed))
                .withHeader("Allow", String.join(", ", allowed));
    }

    private static CompletableFuture<Reply> done(Reply reply) {
        return CompletableFuture.completedFuture(reply);
    }

    /** The web view (see {@link ViewPage}): the one page served without a token. */
    private static String staticPage() {
        return ViewPage.html();
    }
}
