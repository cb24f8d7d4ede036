package dev.flowlab.controller.view;

import dev.flowlab.controller.api.RestException;
import dev.flowlab.controller.api.RestRequest;
import dev.flowlab.controller.rest.Dpids;
import dev.flowlab.controller.rest.RouteTable;

/**
 * The web view's REST reads: {@code GET /api/view} (the snapshot the event stream pushes) and
 * {@code GET /api/view/switches/{dpid}?offset=N&limit=M} (a page of one switch's flow table). Both
 * answer from what the monitor last polled, so a browser that asks often costs the switches nothing,
 * and both are capped: a page holds at most {@link #MAX_LIMIT} entries.
 */
public final class ViewRoutes {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;
    /** No flow table is this long; a bigger offset is a mistake, said as one. */
    public static final int MAX_OFFSET = 10_000_000;

    private ViewRoutes() {
    }

    public static void register(RouteTable routes, ViewModel model) {
        routes.add("GET", "/api/view", r -> model.snapshot());
        routes.add("GET", "/api/view/switches/{dpid}", r -> model.detail(Dpids.parse(r.param("dpid")),
                number(r, "offset", 0, 0, MAX_OFFSET), number(r, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT)));
    }

    private static int number(RestRequest r, String name, int absent, int min, int max) {
        String text = r.query(name).orElse(null);
        if (text == null) {
            return absent;
        }
        if (text.matches("\\d{1,9}")) {
            int n = Integer.parseInt(text);
            if (n >= min && n <= max) {
                return n;
            }
        }
        throw RestException.badRequest(name + " must be a whole number from " + min + " to " + max + ", not '"
                + (text.length() > 20 ? text.substring(0, 20) + "..." : text) + "'");
    }
}
