package dev.flowlab.controller.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.flowlab.controller.api.App;
import dev.flowlab.controller.api.ConfigStore;
import dev.flowlab.controller.api.Flows;
import dev.flowlab.controller.api.IsSlaveException;
import dev.flowlab.controller.core.MessageSize;
import dev.flowlab.controller.api.RestException;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.api.SwitchErrorException;
import dev.flowlab.controller.core.JsonMapping;
import dev.flowlab.controller.rest.SwitchViews.FlowView;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFFlowAdd;
import org.projectfloodlight.openflow.protocol.OFFlowStatsEntry;
import org.projectfloodlight.openflow.protocol.OFFlowStatsReply;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.OFGroup;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.TableId;
import org.projectfloodlight.openflow.types.U64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flow entries added through REST ("static flows"). Each carries the cookie of the owner
 * {@code rest} with a small id in its low bits, so it is listed and deleted by id from the switch's
 * flow table. Each is also kept in the configuration store under {@code rest/flows/DPID/ID}, which a
 * cluster replicates: a member that becomes master of the switch installs them again (a re-add
 * replaces an entry in place, so their traffic never stops). Only the switch's master adds or
 * deletes them; the other members answer 409.
 *
 * <p>An id names one flow for the life of the switch's configuration: ids are never handed out again, even
 * after their flow is deleted, so a client still holding an old id cannot delete or read someone else's flow
 * with it. The last id handed out per switch is kept in the store too ({@code rest/flow-ids/DPID}), so a
 * member that becomes master goes on counting where the last one stopped.
 */
public final class StaticFlows implements App {
    /** The id it runs under among the core services (its entries' cookie is {@code rest}'s, as before). */
    public static final String ID = "static-flows";
    static final U64 COOKIE = Flows.cookie("rest");
    private static final U64 EXACT = U64.NO_MASK;
    private static final String PREFIX = "rest/flows/";
    private static final String LAST_ID = "rest/flow-ids/";
    private static final Logger LOG = LoggerFactory.getLogger(StaticFlows.class);

    private final ConfigStore store;

    /** Per switch, the last change in progress: changes to one switch run one after another. */
    private final Map<DatapathId, CompletableFuture<?>> inProgress = new ConcurrentHashMap<>();

    /** Static flows kept in {@code store}. */
    public StaticFlows(ConfigStore store) {
        this.store = store;
    }

    /** This controller may now write to the switch: the stored static flows go (back) on it. */
    @Override
    public void onSwitchUp(Switch sw) {
        if (sw.version() == OFVersion.OF_10) {
            return;
        }
        store.list(prefix(sw.id())).forEach((key, json) -> {
            int id = Integer.parseInt(key.substring(prefix(sw.id()).length()));
            try {
                sw.send(JsonMapping.json().readValue(json, FlowBody.class).toFlowAdd(sw.factory(), COOKIE.or(U64.of(id))));
            } catch (JsonProcessingException | RuntimeException e) {
                LOG.warn("dpid={} static flow {} is stored but cannot be installed: {}", sw.id(), id, e.toString());
            }
        });
    }

    private static String prefix(DatapathId dpid) {
        return PREFIX + dpid + "/";
    }

    private CompletableFuture<Void> keep(DatapathId dpid, int id, FlowBody body) {
        try {
            return store.put(prefix(dpid) + id, JsonMapping.json().writeValueAsString(body));
        } catch (JsonProcessingException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<Void> forget(DatapathId dpid, List<Integer> ids) {
        return CompletableFuture.allOf(ids.stream().map(id -> store.remove(prefix(dpid) + id)).toArray(CompletableFuture[]::new));
    }

    /** The static flow id in a cookie, or null when the entry was not added through REST. */
    static Integer idOf(U64 cookie) {
        return cookie.and(Flows.APP_COOKIE_MASK).equals(COOKIE) ? (int) cookie.getValue() : null;
    }

    /** Every flow entry of the switch, or only those whose cookie matches under the mask; completes on its I/O thread. */
    static CompletableFuture<List<OFFlowStatsEntry>> flows(Switch sw, U64 cookie, U64 mask) {
        OFFactory of = sw.factory();
        if (sw.version() == OFVersion.OF_10) {   // no cookie in a 1.0 request: all entries, selected here
            return sw.request(Flows.allFlows(of))
                    .thenApply(parts -> parts.stream().flatMap(r -> r.getEntries().stream())
                            .filter(e -> e.getCookie().and(mask).equals(cookie.and(mask))).toList());
        }
        CompletableFuture<List<OFFlowStatsReply>> replies = sw.request(of.buildFlowStatsRequest()
                .setTableId(TableId.ALL)
                .setOutPort(OFPort.ANY)
                .setOutGroup(OFGroup.ANY)
                .setCookie(cookie)
                .setCookieMask(mask)
                .setMatch(of.matchWildcardAll())
                .build());
        return replies.thenApply(parts -> parts.stream().flatMap(r -> r.getEntries().stream()).toList());
    }

    /**
     * Adds the flow with the next free id; completes with it as the switch then reports it.
     *
     * @throws IllegalArgumentException (at once) naming the field at fault, or when the flow does not fit in one
     *                                  OpenFlow message
     */
    CompletableFuture<FlowView> add(Switch sw, FlowBody body) {
        refuseOpenFlow10(sw);
        refuseUnlessWriting(sw);
        OFFlowAdd checked = body.toFlowAdd(sw.factory(), COOKIE);
        MessageSize.check(checked, "the flow");
        return inTurn(sw, () -> flows(sw, COOKIE, Flows.APP_COOKIE_MASK).thenCompose(existing -> {
            int id = nextId(sw.id(), existing);
            U64 cookie = COOKIE.or(U64.of(id));
            return store.put(LAST_ID + sw.id(), Integer.toString(id))   // used from now on, whatever happens next
                    .thenCompose(v -> sw.sendConfirmed(checked.createBuilder().setCookie(cookie).build()))
                    .exceptionally(e -> {
                        if (Failures.cause(e) instanceof SwitchErrorException refused) {
                            throw RestException.badRequest("switch " + sw.id() + " refused the flow: " + Failures.describe(refused));
                        }
                        throw e instanceof CompletionException c ? c : new CompletionException(e);
                    })
                    .thenCompose(v -> keep(sw.id(), id, body).exceptionally(notKept -> {
                        // Not in the store, the flow would vanish at the next failover: take it off the switch too.
                        sw.send(Flows.deleteByCookie(sw.factory(), cookie, EXACT).build());
                        throw notKept instanceof CompletionException c ? c : new CompletionException(notKept);
                    }))
                    .thenCompose(v -> flows(sw, cookie, EXACT))
                    .thenApply(listed -> listed.stream().findFirst().map(FlowView::of)
                            .orElseThrow(() -> new RestException(502, "switch " + sw.id() + " accepted the flow but"
                                    + " does not list it (an idle or hard timeout too short?)")));
        }));
    }

    /**
     * One more than any id this switch's static flows ever had: the last handed out (kept in the store), those
     * stored, and those on the switch (left there by an earlier controller run with another store).
     */
    private int nextId(DatapathId dpid, List<OFFlowStatsEntry> onSwitch) {
        long last = store.get(LAST_ID + dpid).map(Long::parseLong).orElse(0L);
        last = Math.max(last, storedIds(dpid).stream().mapToLong(Integer::longValue).max().orElse(0));
        last = Math.max(last, onSwitch.stream().mapToLong(e -> idOf(e.getCookie()) & 0xffff_ffffL).max().orElse(0));
        if (last >= Integer.MAX_VALUE) {
            throw new RestException(409, "switch " + dpid + " has used every static flow id (up to " + Integer.MAX_VALUE
                    + "); ids are never handed out twice");
        }
        return (int) last + 1;
    }

    /** Deletes the static flow with this id; fails with 404 when there is none. */
    CompletableFuture<Integer> delete(Switch sw, int id) {
        refuseOpenFlow10(sw);
        refuseUnlessWriting(sw);
        U64 cookie = COOKIE.or(U64.of(id));
        return inTurn(sw, () -> flows(sw, cookie, EXACT).thenCompose(found -> {
            if (found.isEmpty() && store.get(prefix(sw.id()) + id).isEmpty()) {
                throw RestException.notFound("switch " + sw.id() + " has no static flow " + id
                        + "; GET /api/switches/" + sw.id() + "/flows lists them with their ids");
            }
            return deleteMatching(sw, cookie, EXACT, List.of(id));   // stored but timed out: it must not come back
        }));
    }

    /** Deletes every static flow of the switch; completes with how many there were. */
    CompletableFuture<Integer> deleteAll(Switch sw) {
        refuseOpenFlow10(sw);
        refuseUnlessWriting(sw);
        return inTurn(sw, () -> deleteMatching(sw, COOKIE, Flows.APP_COOKIE_MASK, storedIds(sw.id())));
    }

    /**
     * Deletes the switch's entries under {@code cookie}/{@code mask} and forgets them in the store, together with
     * {@code stored}: ids kept in the store whose entries the switch no longer has (an idle or hard timeout), which
     * would otherwise be installed again the next time the switch comes up here. Completes with the entries deleted.
     */
    private CompletableFuture<Integer> deleteMatching(Switch sw, U64 cookie, U64 mask, List<Integer> stored) {
        OFFactory of = sw.factory();
        return flows(sw, cookie, mask).thenCompose(found -> sw.sendConfirmed(Flows.deleteByCookie(of, cookie, mask).build())
                .thenCompose(v -> forget(sw.id(), Stream.concat(found.stream().map(e -> idOf(e.getCookie())), stored.stream())
                        .distinct().toList()))
                .thenApply(v -> found.size()));
    }

    private List<Integer> storedIds(DatapathId dpid) {
        return store.list(prefix(dpid)).keySet().stream().map(key -> key.substring(prefix(dpid).length()))
                .filter(name -> name.chars().allMatch(Character::isDigit)).map(Integer::valueOf).toList();
    }

    /** A SLAVE's writes would be refused by the switch: say where to send them instead. */
    private static void refuseUnlessWriting(Switch sw) {
        if (!sw.role().writes()) {
            throw new IsSlaveException(sw.id());
        }
    }

    /** Static flows are told apart by cookie masks and carry instructions: neither exists in OpenFlow 1.0. */
    private static void refuseOpenFlow10(Switch sw) {
        if (sw.version() == OFVersion.OF_10) {
            throw RestException.badRequest("switch " + sw.id() + " speaks OpenFlow 1.0; static flows need OpenFlow 1.3"
                    + " or later (cookie masks, instructions): run its bridge with OpenFlow13, 14 or 15");
        }
    }

    /** Runs {@code change} once the switch's previous change finished (whether or not it worked). */
    private <T> CompletableFuture<T> inTurn(Switch sw, Supplier<CompletableFuture<T>> change) {
        CompletableFuture<T> mine = new CompletableFuture<>();
        CompletableFuture<?> before = inProgress.put(sw.id(), mine);
        CompletableFuture<?> start = before == null ? CompletableFuture.completedFuture(null) : before;
        start.handle((v, e) -> null).thenCompose(v -> change.get()).whenComplete((result, e) -> {
            inProgress.remove(sw.id(), mine);
            if (e != null) {
                mine.completeExceptionally(e);
            } else {
                mine.complete(result);
            }
        });
        return mine;
    }
}
