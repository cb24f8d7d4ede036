package dev.flowlab.controller.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFFlowAdd;
import org.projectfloodlight.openflow.protocol.OFFlowMod;
import org.projectfloodlight.openflow.protocol.OFFlowStatsEntry;
import org.projectfloodlight.openflow.protocol.OFFlowStatsReply;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.protocol.match.Match;
import org.projectfloodlight.openflow.protocol.match.MatchField;
import org.projectfloodlight.openflow.types.OFGroup;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.TableId;
import org.projectfloodlight.openflow.types.U64;

/**
 * Brings an app's entries on a switch in line with what the app wants, without wiping them first:
 * what a new master does (after a failover the table still holds the previous master's entries and
 * established traffic runs through them) and what a controller does with a switch that kept an
 * earlier run's entries (fail_mode secure). An entry is the app's by its cookie ({@link Flows#cookie}).
 */
public final class Reconcile {

    private Reconcile() {
    }

    /**
     * Sends every entry in {@code wanted} (an add of an entry already there replaces it in place, so
     * traffic through it never stops), then asks the switch for its entries whose cookie is
     * {@code cookie} under {@code mask} and deletes, each with a strict delete, those that are none of
     * {@code wanted} as it is when the switch answers. Entries are the same when table, priority, cookie
     * and the whole match agree with one of the entries the switch holds for a wanted one
     * ({@link Switch#installed}: the VLAN stage moves an app's entries to a later table and adds the VLAN to
     * their match): an entry left in another table, or for another VLAN, is deleted. Completes with how many
     * entries it deleted.
     */
    public static CompletableFuture<Integer> entries(Switch sw, U64 cookie, U64 mask, Supplier<List<OFFlowAdd>> wanted) {
        wanted.get().forEach(sw::send);
        OFFactory of = sw.factory();
        CompletableFuture<List<OFFlowStatsReply>> replies = sw.request(of.buildFlowStatsRequest()
                .setTableId(TableId.ALL).setOutPort(OFPort.ANY).setOutGroup(OFGroup.ANY)
                .setCookie(cookie).setCookieMask(mask).setMatch(of.matchWildcardAll()).build());
        return replies.thenApply(parts -> {
            List<OFFlowMod> now = wanted.get().stream().flatMap(w -> sw.installed(w).stream()).toList();
            List<OFFlowStatsEntry> stale = parts.stream().flatMap(r -> r.getEntries().stream())
                    .filter(e -> now.stream().noneMatch(w -> same(e, w))).toList();
            stale.forEach(e -> sw.send(of.buildFlowDeleteStrict().setTableId(e.getTableId()).setPriority(e.getPriority())
                    .setMatch(e.getMatch()).setCookie(e.getCookie()).setCookieMask(U64.NO_MASK)
                    .setOutPort(OFPort.ANY).setOutGroup(OFGroup.ANY).build()));
            return stale.size();
        });
    }

    /** Whether the switch's entry is one the switch holds for a wanted entry (see {@link #entries}). */
    static boolean same(OFFlowStatsEntry entry, OFFlowMod installed) {
        TableId table = installed.getVersion() == OFVersion.OF_10 ? TableId.of(0) : installed.getTableId();   // 1.0: one table
        return entry.getTableId().equals(table) && entry.getPriority() == installed.getPriority()
                && entry.getCookie().equals(installed.getCookie()) && fields(entry.getMatch()).equals(fields(installed.getMatch()));
    }

    /** The match's fields and values (masked where masked), whatever order the switch lists them in. */
    private static Map<MatchField<?>, Object> fields(Match match) {
        Map<MatchField<?>, Object> fields = new HashMap<>();
        for (MatchField<?> f : match.getMatchFields()) {
            fields.put(f, match.isPartiallyMasked(f) ? match.getMasked(f) : match.get(f));
        }
        return fields;
    }
}
