package dev.flowlab.controller.rest;

import dev.flowlab.controller.api.Flows;
import dev.flowlab.controller.api.RestException;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.api.SwitchErrorException;
import dev.flowlab.controller.rest.SwitchViews.FlowView;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFFlowAdd;
import org.projectfloodlight.openflow.protocol.OFFlowStatsEntry;
import org.projectfloodlight.openflow.protocol.OFFlowStatsReply;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.OFGroup;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.TableId;
import org.projectfloodlight.openflow.types.U64;

/**
 * Flow entries added through REST ("static flows"). Each carries the cookie of the owner
 * {@code rest} with a small id in its low bits, so it can be listed and deleted by id without the
 * controller keeping any state: the switch's flow table is the record.
 */
final class StaticFlows {
    static final U64 COOKIE = Flows.cookie("rest");
    private static final U64 EXACT = U64.NO_MASK;
    private static final Pattern ERROR_CODE = Pattern.compile("code=([A-Z_0-9]+)");

    private final Map<DatapathId, Object> locks = new ConcurrentHashMap<>();

    /** The static flow id in a cookie, or null when the entry was not added through REST. */
    static Integer idOf(U64 cookie) {
        return cookie.and(Flows.APP_COOKIE_MASK).equals(COOKIE) ? (int) cookie.getValue() : null;
    }

    /** Every flow entry of the switch, or only those whose cookie matches under the mask. */
    static List<OFFlowStatsEntry> flows(Switch sw, U64 cookie, U64 mask) {
        OFFactory of = sw.factory();
        List<OFFlowStatsReply> replies = sw.request(of.buildFlowStatsRequest()
                .setTableId(TableId.ALL)
                .setOutPort(OFPort.ANY)
                .setOutGroup(OFGroup.ANY)
                .setCookie(cookie)
                .setCookieMask(mask)
                .setMatch(of.matchWildcardAll())
                .build()).join();
        return replies.stream().flatMap(r -> r.getEntries().stream()).toList();
    }

    /** Adds the flow with the next free id and returns it as the switch now reports it. */
    FlowView add(Switch sw, FlowBody body) {
        synchronized (lock(sw)) {
            int id = flows(sw, COOKIE, Flows.APP_COOKIE_MASK).stream()
                    .mapToInt(e -> idOf(e.getCookie())).max().orElse(0) + 1;
            U64 cookie = COOKIE.or(U64.of(id));
            OFFlowAdd add = body.toFlowAdd(sw.factory(), cookie);
            try {
                sw.sendConfirmed(add).join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof SwitchErrorException refused) {
                    throw RestException.badRequest("switch " + sw.id() + " refused the flow: " + describe(refused));
                }
                throw e;
            }
            return flows(sw, cookie, EXACT).stream().findFirst().map(FlowView::of)
                    .orElseThrow(() -> new RestException(502, "switch " + sw.id() + " accepted the flow but does not list it"
                            + " (an idle or hard timeout too short?)"));
        }
    }

    /** Deletes the static flow with this id; 404 when there is none. */
    int delete(Switch sw, int id) {
        U64 cookie = COOKIE.or(U64.of(id));
        synchronized (lock(sw)) {
            if (flows(sw, cookie, EXACT).isEmpty()) {
                throw RestException.notFound("switch " + sw.id() + " has no static flow " + id
                        + "; GET /api/switches/" + sw.id() + "/flows lists them with their ids");
            }
            return deleteMatching(sw, cookie, EXACT);
        }
    }

    /** Deletes every static flow of the switch; returns how many there were. */
    int deleteAll(Switch sw) {
        synchronized (lock(sw)) {
            return deleteMatching(sw, COOKIE, Flows.APP_COOKIE_MASK);
        }
    }

    private static int deleteMatching(Switch sw, U64 cookie, U64 mask) {
        int count = flows(sw, cookie, mask).size();
        OFFactory of = sw.factory();
        sw.sendConfirmed(of.buildFlowDelete()
                .setTableId(TableId.ALL)
                .setOutPort(OFPort.ANY)
                .setOutGroup(OFGroup.ANY)
                .setCookie(cookie)
                .setCookieMask(mask)
                .setMatch(of.matchWildcardAll())
                .build()).join();
        return count;
    }

    private Object lock(Switch sw) {
        return locks.computeIfAbsent(sw.id(), id -> new Object());
    }

    /** The error type and code, e.g. {@code FLOW_MOD_FAILED BAD_TABLE_ID}, without the echoed message bytes. */
    private static String describe(SwitchErrorException e) {
        Matcher code = ERROR_CODE.matcher(e.error().toString());
        return e.error().getErrType() + (code.find() ? " " + code.group(1) : "");
    }
}
