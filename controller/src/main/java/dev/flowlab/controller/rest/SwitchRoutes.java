package dev.flowlab.controller.rest;

import dev.flowlab.controller.api.FlowEntries;
import dev.flowlab.controller.api.PageRequest;
import dev.flowlab.controller.api.RestResponse;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.core.SwitchRegistry;
import dev.flowlab.controller.rest.SwitchViews.FlowView;
import dev.flowlab.controller.rest.SwitchViews.PortStatsView;
import dev.flowlab.controller.rest.SwitchViews.PortView;
import dev.flowlab.controller.rest.SwitchViews.SwitchView;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.projectfloodlight.openflow.protocol.OFPortStatsReply;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.U64;

/**
 * {@code /api/switches...}: connected switches, their ports, port counters and flow tables (read
 * from the switch at each request, by multipart), and static flows added and deleted through REST.
 *
 * <p>A flow table is listed in {@link FlowEntries#TABLE_ORDER} a {@link PageRequest page} at a time. OpenFlow
 * has no way to ask a switch for part of its table, so each request still receives the whole table (at most
 * the 16 MiB a multipart reply may hold) and lets it go once answered; only the page is made into views and JSON.
 */
final class SwitchRoutes {
    private final SwitchRegistry registry;
    private final StaticFlows staticFlows;

    SwitchRoutes(SwitchRegistry registry, StaticFlows staticFlows) {
        this.registry = registry;
        this.staticFlows = staticFlows;
    }

    /** Routes that ask the switch answer when it replies: no thread waits for it. */
    void register(RouteTable routes) {
        routes.add("GET", "/api/switches", r -> switches());
        routes.add("GET", "/api/switches/{dpid}", r -> SwitchView.of(sw(r.param("dpid"))));
        routes.add("GET", "/api/switches/{dpid}/ports", r -> sw(r.param("dpid")).ports().stream().map(PortView::of).toList());
        routes.add("GET", "/api/switches/{dpid}/ports/stats", r -> portStats(sw(r.param("dpid"))));
        routes.add("GET", "/api/switches/{dpid}/flows", r -> {
            Switch sw = sw(r.param("dpid"));
            PageRequest page = PageRequest.of(r);
            return StaticFlows.flows(sw, U64.ZERO, U64.ZERO).thenApply(entries -> page.answer(
                    entries.stream().sorted(FlowEntries.TABLE_ORDER).toList(), FlowView::of, "flow entries"));
        });
        routes.add("POST", "/api/switches/{dpid}/flows", r -> {
            Switch sw = sw(r.param("dpid"));
            return staticFlows.add(sw, r.body(FlowBody.class)).thenApply(RestResponse::created);
        });
        routes.add("DELETE", "/api/switches/{dpid}/flows", r -> staticFlows.deleteAll(sw(r.param("dpid")))
                .thenApply(count -> Map.of("deleted", count)));
        routes.add("DELETE", "/api/switches/{dpid}/flows/{id}", r -> {
            Switch sw = sw(r.param("dpid"));
            return staticFlows.delete(sw, flowId(r.param("id"))).thenApply(count -> Map.of("deleted", count));
        });
    }

    private List<SwitchView> switches() {
        return registry.switches().stream()
                .sorted(Comparator.comparing(Switch::id))
                .map(SwitchView::of)
                .toList();
    }

    private static CompletableFuture<List<PortStatsView>> portStats(Switch sw) {
        CompletableFuture<List<OFPortStatsReply>> replies = sw.request(sw.factory().buildPortStatsRequest()
                .setPortNo(OFPort.ANY).build());
        return replies.thenApply(parts -> parts.stream()
                .flatMap(reply -> reply.getEntries().stream())
                .sorted(Comparator.comparingLong(e -> e.getPortNo().getPortNumber() & 0xffffffffL))
                .map(PortStatsView::of)
                .toList());
    }

    private Switch sw(String dpid) {
        return Dpids.connected(registry, dpid);
    }

    private static int flowId(String text) {
        try {
            int id = Integer.parseInt(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + text + "' is not a static flow id (a positive number, as POST returned)");
    }
}
