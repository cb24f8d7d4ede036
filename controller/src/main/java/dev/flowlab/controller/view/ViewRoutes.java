package dev.flowlab.controller.view;

import dev.flowlab.controller.api.PageRequest;
import dev.flowlab.controller.rest.Dpids;
import dev.flowlab.controller.rest.RouteTable;

/**
 * The web view's REST reads: {@code GET /api/view} (the snapshot the event stream pushes) and
 * {@code GET /api/view/switches/{dpid}?offset=N&limit=M} (a page of one switch's flow table). Both
 * answer from what the monitor last polled, so a browser that asks often costs the switches nothing,
 * and both are capped: a page holds at most {@link #MAX_LIMIT} entries.
 */
public final class ViewRoutes {
    public static final int DEFAULT_LIMIT = PageRequest.DEFAULT_LIMIT;
    public static final int MAX_LIMIT = PageRequest.MAX_LIMIT;
    public static final int MAX_OFFSET = PageRequest.MAX_OFFSET;

    private ViewRoutes() {
    }

    public static void register(RouteTable routes, ViewModel model) {
        routes.add("GET", "/api/view", r -> model.snapshot());
        routes.add("GET", "/api/view/switches/{dpid}", r -> {
            PageRequest page = PageRequest.of(r);
            return model.detail(Dpids.parse(r.param("dpid")), page.offset(), page.limit());
        });
    }
}
