package dev.flowlab.controller.rest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.flowlab.controller.RestConfig;
import dev.flowlab.controller.api.RestException;
import dev.flowlab.controller.api.RestResponse;
import dev.flowlab.controller.core.JsonMapping;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API's HTTP server: the JDK's small built-in server, JSON in and out, one route table.
 * Handlers run on a few daemon threads of their own, so waiting for a switch's reply blocks no
 * switch I/O.
 */
public final class RestServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);
    private static final int THREADS = 4;
    private static final int MAX_BODY = 1 << 20;

    private final HttpServer server;
    private final ExecutorService threads;
    private final RouteTable routes;

    private RestServer(HttpServer server, ExecutorService threads, RouteTable routes) {
        this.server = server;
        this.threads = threads;
        this.routes = routes;
    }

    /**
     * Listens on the configured address and serves {@code routes}.
     *
     * @throws IllegalStateException when the address cannot be bound, naming it and the fix
     */
    public static RestServer start(RestConfig config, RouteTable routes) {
        InetSocketAddress address = new InetSocketAddress(config.host(), config.port());
        HttpServer server;
        try {
            server = HttpServer.create(address, 64);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serve REST on " + config + ": " + e.getMessage()
                    + " (is something else listening there? choose another port with --rest HOST:PORT, or --rest off)", e);
        }
        AtomicInteger number = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "flowlab-rest-" + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        RestServer rest = new RestServer(server, threads, routes);
        server.createContext("/", rest::serve);
        server.setExecutor(threads);
        server.start();
        LOG.info("REST API on http://{}:{}/api", config.host(), server.getAddress().getPort());
        return rest;
    }

    /** The bound address (with the real port when 0 was asked). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            URI uri = exchange.getRequestURI();
            String path = uri.getPath();
            int status;
            Object body;
            try {
                RestResponse response = answer(exchange, method, path);
                status = response.status();
                body = response.body();
            } catch (RestException e) {
                status = e.status();
                body = Map.of("error", e.getMessage());
            } catch (RuntimeException e) {
                RestException mapped = Failures.toRest(e);
                status = mapped.status();
                body = Map.of("error", mapped.getMessage());
                if (status == 500) {
                    LOG.warn("REST {} {} failed: {}", method, path, e.toString(), e);
                }
            }
            LOG.debug("REST {} {} -> {}", method, path, status);
            write(exchange, status, body);
        }
    }

    private RestResponse answer(HttpExchange exchange, String method, String path) throws IOException {
        if (path.equals("/api") || path.equals("/api/")) {
            return method.equals("GET") ? new RestResponse(200, Map.of("routes", routes.describe()))
                    : notAllowed(exchange, Set.of("GET"), method, path);
        }
        Optional<RouteTable.Found> found = routes.find(method, path);
        if (found.isEmpty()) {
            Set<String> allowed = routes.methodsFor(path);
            if (allowed.isEmpty()) {
                throw RestException.notFound("no REST resource at " + path + "; GET /api lists them");
            }
            return notAllowed(exchange, allowed, method, path);
        }
        byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            throw new RestException(413, "request body larger than " + MAX_BODY + " bytes");
        }
        ExchangeRequest request = new ExchangeRequest(found.get().params(), exchange.getRequestURI().getRawQuery(), body);
        Object result = found.get().route().handler().handle(request);
        return result instanceof RestResponse r ? r : new RestResponse(200, result);
    }

    private static RestResponse notAllowed(HttpExchange exchange, Set<String> allowed, String method, String path) {
        exchange.getResponseHeaders().set("Allow", String.join(", ", allowed));
        throw new RestException(405, method + " is not allowed on " + path + "; allowed: " + String.join(", ", allowed));
    }

    private static void write(HttpExchange exchange, int status, Object body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] json = JsonMapping.json().writerWithDefaultPrettyPrinter().writeValueAsBytes(body);
        byte[] bytes = Arrays.copyOf(json, json.length + 1);
        bytes[json.length] = '\n';   // curl output then ends with a newline
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Stops answering (requests in progress get a second to finish). */
    @Override
    public void close() {
        server.stop(1);
        threads.shutdownNow();
    }
}
