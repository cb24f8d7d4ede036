package dev.flowlab.controller.rest;

import dev.flowlab.controller.api.Groups;
import dev.flowlab.controller.api.Meters;
import dev.flowlab.controller.api.PageRequest;
import dev.flowlab.controller.api.RestException;
import dev.flowlab.controller.api.RestRequest;
import dev.flowlab.controller.api.RestResponse;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.api.SwitchErrorException;
import dev.flowlab.controller.core.GroupsAndMeters;
import dev.flowlab.controller.core.OwnedEntries;
import dev.flowlab.controller.core.SwitchRegistry;
import dev.flowlab.controller.rest.GroupMeterViews.GroupStatsView;
import dev.flowlab.controller.rest.GroupMeterViews.GroupView;
import dev.flowlab.controller.rest.GroupMeterViews.MeterStatsView;
import dev.flowlab.controller.rest.GroupMeterViews.MeterView;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import org.projectfloodlight.openflow.protocol.OFGroupDescStatsReply;
import org.projectfloodlight.openflow.protocol.OFGroupStatsReply;
import org.projectfloodlight.openflow.protocol.OFMeterConfig;
import org.projectfloodlight.openflow.protocol.OFMeterConfigStatsReply;
import org.projectfloodlight.openflow.protocol.OFMeterStats;
import org.projectfloodlight.openflow.protocol.OFMeterStatsReply;
import org.projectfloodlight.openflow.types.OFGroup;

/**
 * {@code /api/switches/{dpid}/groups} and {@code .../meters}: what the switch holds (read at each
 * request), each with its owner (an app id, {@code rest}, or {@code unknown} for what was there before),
 * their counters ({@code .../stats}), and groups and meters added, modified and deleted through REST
 * (owner {@code rest}; entries of an app are not REST's to change). Lists come by id, a {@link PageRequest page}
 * at a time.
 */
final class GroupMeterRoutes {
    private static final long ALL = 0xffffffffL;   // OFPG_ALL, OFPM_ALL
    private final SwitchRegistry registry;
    private final GroupsAndMeters tables;

    GroupMeterRoutes(SwitchRegistry registry, GroupsAndMeters tables) {
        this.registry = registry;
        this.tables = tables;
    }

    /** Adds an entry for REST, with the wanted id or a free one. */
    @FunctionalInterface
    private interface Adder<B> {
        CompletableFuture<Long> add(Switch sw, OptionalLong wanted, B body);
    }

    /** Replaces one of REST's entries. */
    @FunctionalInterface
    private interface Modifier<B> {
        CompletableFuture<Void> modify(Switch sw, long id, B body);
    }

    /** What differs between the group routes and the meter routes that change them. */
    private record Kind<B>(String noun, OwnedEntries entries, Class<B> bodyType, Function<B, Long> bodyId, Adder<B> add,
                           Modifier<B> modify) {
    }

    void register(RouteTable routes) {
        String groups = "/api/switches/{dpid}/groups";
        routes.add("GET", groups, r -> groups(sw(r), PageRequest.of(r)));
        routes.add("GET", groups + "/stats", r -> groupStats(sw(r), PageRequest.of(r)));
        changes(routes, groups, new Kind<>("group", tables.groupEntries(), GroupBody.class, GroupBody::groupId,
                (sw, wanted, b) -> tables.addGroup(sw, GroupsAndMeters.REST, wanted, b.groupType(), b.toBuckets(sw.factory())),
                (sw, id, b) -> tables.modifyGroup(sw, GroupsAndMeters.REST, id, b.groupType(), b.toBuckets(sw.factory()))));
        String meters = "/api/switches/{dpid}/meters";
        routes.add("GET", meters, r -> meters(sw(r), PageRequest.of(r)));
        routes.add("GET", meters + "/stats", r -> meterStats(sw(r), PageRequest.of(r)));
        changes(routes, meters, new Kind<>("meter", tables.meterEntries(), MeterBody.class, MeterBody::meterId,
                (sw, wanted, b) -> tables.addMeter(sw, GroupsAndMeters.REST, wanted, b.meterFlags(), b.toBands(sw.factory())),
                (sw, id, b) -> tables.modifyMeter(sw, GroupsAndMeters.REST, id, b.meterFlags(), b.toBands(sw.factory()))));
    }

    /** POST, PUT and DELETE of one kind of entry, always as the owner {@code rest}. */
    private <B> void changes(RouteTable routes, String path, Kind<B> kind) {
        String idKey = kind.noun() + "_id";
        routes.add("POST", path, r -> {
            Switch sw = sw(r);
            B body = r.body(kind.bodyType());
            Long asked = kind.bodyId().apply(body);
            OptionalLong wanted = asked == null ? OptionalLong.empty() : OptionalLong.of(asked);
            wanted.ifPresent(kind.entries()::checkRange);
            return refused(sw, kind.noun(), kind.add().add(sw, wanted, body))
                    .thenApply(id -> RestResponse.created(Map.of(idKey, id, "owner", GroupsAndMeters.REST)));
        });
        routes.add("PUT", path + "/{id}", r -> {
            Switch sw = sw(r);
            B body = r.body(kind.bodyType());
            long id = id(r.param("id"), kind.bodyId().apply(body), kind.noun());
            return refused(sw, kind.noun(), kind.modify().modify(sw, id, body)).thenApply(v -> Map.of("modified", id));
        });
        routes.add("DELETE", path, r -> {
            Switch sw = sw(r);
            return kind.entries().deleteAll(sw, GroupsAndMeters.REST)
                    .thenApply(n -> Map.of("deleted", n));
        });
        routes.add("DELETE", path + "/{id}", r -> {
            Switch sw = sw(r);
            long id = id(r.param("id"), null, kind.noun());
            return kind.entries().delete(sw, GroupsAndMeters.REST, id)
                    .thenApply(v -> Map.of("deleted", 1));
        });
    }

    private CompletableFuture<Object> groups(Switch sw, PageRequest page) {
        Groups.require(sw.factory());   // before openflowj refuses the request less clearly
        CompletableFuture<List<OFGroupDescStatsReply>> replies = sw.request(sw.factory().buildGroupDescStatsRequest().build());
        return withOwners(sw, tables.groupEntries(), replies, parts -> parts.stream().flatMap(p -> p.getEntries().stream()),
                e -> e.getGroup().getGroupNumber() & ALL, GroupView::of, page, "groups");
    }

    private CompletableFuture<Object> groupStats(Switch sw, PageRequest page) {
        Groups.require(sw.factory());   // before openflowj refuses the request less clearly
        CompletableFuture<List<OFGroupStatsReply>> replies = sw.request(sw.factory().buildGroupStatsRequest()
                .setGroup(OFGroup.ALL).build());
        return withOwners(sw, tables.groupEntries(), replies, parts -> parts.stream().flatMap(p -> p.getEntries().stream()),
                e -> e.getGroup().getGroupNumber() & ALL, GroupStatsView::of, page, "groups");
    }

    private CompletableFuture<Object> meters(Switch sw, PageRequest page) {
        Meters.require(sw.factory());   // before openflowj refuses the request less clearly
        CompletableFuture<List<OFMeterConfigStatsReply>> replies = sw.request(sw.factory().buildMeterConfigStatsRequest()
                .setMeterId(ALL).build());
        return withOwners(sw, tables.meterEntries(), replies, parts -> parts.stream().flatMap(p -> p.getEntries().stream()),
                OFMeterConfig::getMeterId, MeterView::of, page, "meters");
    }

    private CompletableFuture<Object> meterStats(Switch sw, PageRequest page) {
        Meters.require(sw.factory());   // before openflowj refuses the request less clearly
        CompletableFuture<List<OFMeterStatsReply>> replies = sw.request(sw.factory().buildMeterStatsRequest()
                .setMeterId(ALL).build());
        return withOwners(sw, tables.meterEntries(), replies, parts -> parts.stream().flatMap(p -> p.getEntries().stream()),
                OFMeterStats::getMeterId, MeterStatsView::of, page, "meters");
    }

    /**
     * What the switch answered, sorted by id, as the page asks: one view per entry of the page, with its owner.
     * The switch sends every entry (OpenFlow asks for one id or all); only the page is made into views.
     */
    private static <P, E, V> CompletableFuture<Object> withOwners(Switch sw, OwnedEntries entries,
            CompletableFuture<List<P>> replies, Function<List<P>, Stream<E>> flatten, ToLongFunction<E> id,
            GroupMeterViews.Viewer<E, V> view, PageRequest page, String what) {
        return entries.owners(sw).thenCombine(replies, (owners, parts) -> page.answer(
                flatten.apply(parts).sorted(Comparator.comparingLong(id)).toList(), e -> view.of(e, owners), what));
    }

    /** A change the switch refused is the client's to fix: 400 with the switch's error type and code. */
    private static <T> CompletableFuture<T> refused(Switch sw, String noun, CompletableFuture<T> change) {
        return change.exceptionally(e -> {
            if (Failures.cause(e) instanceof SwitchErrorException refusal) {
                throw RestException.badRequest("switch " + sw.id() + " refused the " + noun + ": " + Failures.describe(refusal));
            }
            throw e instanceof CompletionException c ? c : new CompletionException(e);
        });
    }

    private Switch sw(RestRequest r) {
        return Dpids.connected(registry, r.param("dpid"));
    }

    /** The id in the path; a body that names another is a mistake, not a rename. */
    private static long id(String text, Long inBody, String noun) {
        long id;
        try {
            id = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a " + noun + " id (a whole number, as GET lists them)");
        }
        if (inBody != null && inBody != id) {
            throw new IllegalArgumentException(noun + "_id: the body says " + inBody + ", the path " + id
                    + "; leave it out of the body");
        }
        return id;
    }
}
