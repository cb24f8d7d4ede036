package dev.flowlab.controller.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFFlowAdd;
import org.projectfloodlight.openflow.protocol.OFFlowDelete;
import org.projectfloodlight.openflow.protocol.OFFlowDeleteStrict;
import org.projectfloodlight.openflow.protocol.OFFlowModifyStrict;
import org.projectfloodlight.openflow.protocol.OFFlowStatsEntry;
import org.projectfloodlight.openflow.protocol.OFFlowStatsRequest;
import org.projectfloodlight.openflow.protocol.OFOxsList;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.protocol.action.OFAction;
import org.projectfloodlight.openflow.protocol.action.OFActionOutput;
import org.projectfloodlight.openflow.protocol.instruction.OFInstruction;
import org.projectfloodlight.openflow.protocol.instruction.OFInstructionApplyActions;
import org.projectfloodlight.openflow.protocol.match.Match;
import org.projectfloodlight.openflow.protocol.match.MatchField;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.TableId;
import org.projectfloodlight.openflow.types.U64;

/**
 * The flow table a {@link SwitchPeer} keeps when asked to, as flow stats see it: a flow-add replaces
 * the entry with the same table, priority and match (as OVS does), its packet count reset before
 * OpenFlow 1.2 and kept from 1.2 on (no reset-counts flag); a strict modify changes the actions of
 * that entry and keeps its count, and before 1.2 adds the entry when there is none (as OVS 3.1 does,
 * measured with ovs-ofctl); a delete selects by cookie under
 * its mask and by table (OpenFlow 1.1+), by out port, and by match (every field of the delete's match
 * in the entry's, as OpenFlow says of a non-strict delete); a strict delete by priority and the whole
 * match too. OpenFlow 1.0 has one table and no cookie in a delete or a flow stats request: there a
 * delete with a match that selects everything deletes everything, whoever put it there.
 * Only {@link #tables()} tables exist; an add beyond them is refused.
 */
final class PeerFlowTable {
    private final OFFactory of;
    private final boolean of10;
    private final int tables;
    private final List<OFFlowStatsEntry> entries = new CopyOnWriteArrayList<>();

    PeerFlowTable(OFFactory of, int tables) {
        this.of = of;
        this.of10 = of.getVersion() == OFVersion.OF_10;
        this.tables = of10 ? 1 : tables;
    }

    int tables() {
        return tables;
    }

    /** Applies the add; false when its table does not exist here (the switch answers FLOW_MOD_FAILED). */
    boolean add(OFFlowAdd add) {
        return add(add, of.getVersion().compareTo(OFVersion.OF_12) >= 0);
    }

    /** Applies a strict modify: the actions of the entry with this priority and match change, its count stays. */
    void modifyStrict(OFFlowModifyStrict modify) {
        TableId table = of10 ? TableId.ZERO : modify.getTableId();
        OFFlowStatsEntry old = entries.stream().filter(e -> e.getTableId().equals(table)
                && e.getPriority() == modify.getPriority() && e.getMatch().equals(modify.getMatch())).findFirst().orElse(null);
        if (old == null && of.getVersion().compareTo(OFVersion.OF_12) >= 0) {
            return;   // from 1.2 on a modify adds nothing
        }
        OFFlowAdd.Builder add = of.buildFlowAdd().setPriority(modify.getPriority()).setMatch(modify.getMatch())
                .setCookie(old == null ? modify.getCookie() : old.getCookie())
                .setIdleTimeout(old == null ? modify.getIdleTimeout() : old.getIdleTimeout())
                .setHardTimeout(old == null ? modify.getHardTimeout() : old.getHardTimeout());
        add(of10 ? add.setActions(modify.getActions()).build() : add.setTableId(table).setInstructions(modify.getInstructions()).build(), true);
    }

    /** Counts {@code packets} more on every entry {@code which} selects, as traffic through the switch would. */
    void count(java.util.function.Predicate<OFFlowStatsEntry> which, long packets) {
        for (OFFlowStatsEntry e : entries) {
            if (which.test(e)) {
                entries.set(entries.indexOf(e), e.createBuilder().setPacketCount(U64.of(e.getPacketCount().getValue() + packets)).build());
            }
        }
    }

    private boolean add(OFFlowAdd add, boolean keepCount) {
        TableId table = of10 ? TableId.ZERO : add.getTableId();
        if (table.getValue() >= tables) {
            return false;
        }
        U64 packets = U64.ZERO;
        for (OFFlowStatsEntry e : entries) {
            if (e.getTableId().equals(table) && e.getPriority() == add.getPriority() && e.getMatch().equals(add.getMatch())) {
                packets = keepCount && of.getVersion().compareTo(OFVersion.OF_15) < 0 ? e.getPacketCount() : U64.ZERO;
                entries.remove(e);
            }
        }
        OFFlowStatsEntry.Builder entry = of.buildFlowStatsEntry().setTableId(table).setPriority(add.getPriority())
                .setCookie(add.getCookie()).setIdleTimeout(add.getIdleTimeout()).setHardTimeout(add.getHardTimeout())
                .setMatch(add.getMatch());
        if (of.getVersion().compareTo(OFVersion.OF_15) < 0) {
            entry.setPacketCount(packets).setByteCount(U64.ZERO);
        } else {   // 1.5 reports counters as statistics (not counted here)
            entry.setStats(of.buildStatV6().setOxsFields(OFOxsList.of(of.oxss().packetCount(U64.ZERO),
                    of.oxss().byteCount(U64.ZERO))).build());
        }
        entries.add((of10 ? entry.setActions(add.getActions()) : entry.setInstructions(add.getInstructions())).build());
        return true;
    }

    void delete(OFFlowDelete delete) {
        entries.removeIf(e -> of10 ? selected(e, delete.getMatch(), delete.getOutPort())
                : selected(e, delete.getCookie(), delete.getCookieMask(), delete.getTableId())
                        && selected(e, delete.getMatch(), delete.getOutPort()));
    }

    void deleteStrict(OFFlowDeleteStrict delete) {
        entries.removeIf(e -> e.getPriority() == delete.getPriority() && e.getMatch().equals(delete.getMatch())
                && selected(e, delete.getMatch(), delete.getOutPort())
                && (of10 || selected(e, delete.getCookie(), delete.getCookieMask(), delete.getTableId())));
    }

    /** The entries a flow stats request selects. */
    List<OFFlowStatsEntry> select(OFFlowStatsRequest request) {
        return entries.stream().filter(e -> selected(e, request.getMatch(), request.getOutPort())
                && (of10 || selected(e, request.getCookie(), request.getCookieMask(), request.getTableId()))).toList();
    }

    /** Puts an entry in as someone else would (another controller, {@code ovs-ofctl add-flow}). */
    void put(OFFlowAdd add) {
        if (!add(add)) {
            throw new IllegalArgumentException("no table " + add.getTableId() + " here");
        }
    }

    List<OFFlowStatsEntry> all() {
        return List.copyOf(entries);
    }

    private static boolean selected(OFFlowStatsEntry e, U64 cookie, U64 mask, TableId tableId) {
        boolean inTable = tableId.equals(TableId.ALL) || tableId.equals(e.getTableId());
        return inTable && e.getCookie().and(mask).equals(cookie.and(mask));
    }

    /** Out port ANY or one of the entry's outputs, and every field the match names in the entry's match, equal. */
    private boolean selected(OFFlowStatsEntry e, Match match, OFPort outPort) {
        if (!outPort.equals(OFPort.ANY) && !outputs(e).contains(outPort)) {
            return false;
        }
        for (MatchField<?> field : match.getMatchFields()) {
            if (!e.getMatch().isFullyWildcarded(field) && valueOf(match, field).equals(valueOf(e.getMatch(), field))) {
                continue;
            }
            return false;
        }
        return true;
    }

    private static Object valueOf(Match match, MatchField<?> field) {
        return match.isExact(field) ? match.get(field) : match.getMasked(field);
    }

    private List<OFPort> outputs(OFFlowStatsEntry e) {
        List<OFAction> actions = new ArrayList<>();
        if (of10) {
            actions.addAll(e.getActions());
        } else {
            for (OFInstruction i : e.getInstructions()) {
                if (i instanceof OFInstructionApplyActions apply) {
                    actions.addAll(apply.getActions());
                }
            }
        }
        return actions.stream().filter(OFActionOutput.class::isInstance).map(a -> ((OFActionOutput) a).getPort()).toList();
    }
}
