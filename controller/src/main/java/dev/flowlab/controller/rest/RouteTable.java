package dev.flowlab.controller.rest;

import dev.flowlab.controller.api.RestHandler;
import dev.flowlab.controller.api.RestRoutes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Every REST route, core and app-contributed, matched by method and path template ({@code /api/switches/{dpid}}).
 * Routes are added at start-up and read by the server's threads.
 */
public final class RouteTable {
    /** First path segments after {@code /api} that the core owns; an app with one of these ids gets no routes. */
    static final Set<String> CORE_SEGMENTS = Set.of("switches", "links", "hosts", "apps", "paths", "counters", "view");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._~-]+|\\{[a-z_]+}");

    /** One route: a method, a template split into segments, and its handler. */
    record Route(String method, List<String> segments, RestHandler handler) {
        String template() {
            return "/" + String.join("/", segments);
        }
    }

    /** A route that matched, with the values of its path parameters. */
    record Found(Route route, Map<String, String> params) {
    }

    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final java.util.Map<String, EventFeed> feeds = new java.util.concurrent.ConcurrentHashMap<>();

    /** Serves {@code feed} at {@code path} as Server-Sent Events (see {@link EventStreams}). */
    public void feed(String path, EventFeed feed) {
        feeds.put(path, feed);
    }

    java.util.Optional<EventFeed> feed(String path) {
        return java.util.Optional.ofNullable(feeds.get(path));
    }

    /** Adds a route; {@code template} is absolute, like {@code /api/switches/{dpid}/flows}. */
    public void add(String method, String template, RestHandler handler) {
        List<String> segments = split(template);
        for (String s : segments) {
            if (!SEGMENT.matcher(s).matches()) {
                throw new IllegalArgumentException("REST path '" + template + "' has a bad segment '" + s
                        + "'; use letters, digits, -._~ or a {parameter}");
            }
        }
        for (Route r : routes) {
            if (r.method().equals(method) && r.segments().equals(segments)) {
                throw new IllegalArgumentException("REST route " + method + " " + template + " is registered twice");
            }
        }
        routes.add(new Route(method, segments, handler));
    }

    /** The routes of one app, under {@code /api/<app-id>}. */
    public RestRoutes forApp(String appId) {
        if (CORE_SEGMENTS.contains(appId)) {
            throw new IllegalArgumentException("app id '" + appId + "' clashes with the core REST path /api/" + appId
                    + "; rename the app");
        }
        return new RestRoutes() {
            @Override
            public void get(String path, RestHandler handler) {
                add("GET", prefixed(path), handler);
            }

            @Override
            public void post(String path, RestHandler handler) {
                add("POST", prefixed(path), handler);
            }

            @Override
            public void put(String path, RestHandler handler) {
                add("PUT", prefixed(path), handler);
            }

            @Override
            public void delete(String path, RestHandler handler) {
                add("DELETE", prefixed(path), handler);
            }

            private String prefixed(String path) {
                if (!path.startsWith("/")) {
                    throw new IllegalArgumentException("app " + appId + ": REST path '" + path + "' must start with /");
                }
                return "/api/" + appId + (path.equals("/") ? "" : path);
            }
        };
    }

    /** The route for this method and path; empty when no template matches the path at all. */
    Optional<Found> find(String method, String path) {
        List<String> parts = split(path);
        for (Route r : routes) {
            Map<String, String> params = match(r.segments(), parts);
            if (params != null && r.method().equals(method)) {
                return Optional.of(new Found(r, params));
            }
        }
        return Optional.empty();
    }

    /** Methods served on this path (for a 405 answer's Allow header); empty when the path is unknown. */
    Set<String> methodsFor(String path) {
        List<String> parts = split(path);
        Set<String> methods = new TreeSet<>();
        routes.stream().filter(r -> match(r.segments(), parts) != null).forEach(r -> methods.add(r.method()));
        return methods;
    }

    /** Every route as {@code METHOD template}, for the index at {@code GET /api}. */
    List<String> describe() {
        List<String> all = new ArrayList<>();
        routes.forEach(r -> all.add(r.method() + " " + r.template()));
        return all;
    }

    private static Map<String, String> match(List<String> template, List<String> parts) {
        if (template.size() != parts.size()) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            String t = template.get(i);
            if (t.startsWith("{")) {
                params.put(t.substring(1, t.length() - 1), parts.get(i));
            } else if (!t.equals(parts.get(i))) {
                return null;
            }
        }
        return params;
    }

    private static List<String> split(String path) {
        List<String> segments = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                segments.add(s);
            }
        }
        return segments;
    }
}
