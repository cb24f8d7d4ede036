package dev.flowlab.controller.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFFlowAdd;
import org.projectfloodlight.openflow.protocol.OFFlowDelete;
import org.projectfloodlight.openflow.protocol.OFFlowDeleteStrict;
import org.projectfloodlight.openflow.protocol.OFFlowStatsEntry;
import org.projectfloodlight.openflow.types.TableId;
import org.projectfloodlight.openflow.types.U64;

/**
 * The flow table a {@link SwitchPeer} keeps when asked to, as flow stats see it: a flow-add replaces
 * the entry with the same table, priority and match (as OVS does), a delete selects by cookie under
 * its mask and by table. Only {@link #tables()} tables exist; an add beyond them is refused.
 */
final class PeerFlowTable {
    private final OFFactory of;
    private final int tables;
    private final List<OFFlowStatsEntry> entries = new CopyOnWriteArrayList<>();

    PeerFlowTable(OFFactory of, int tables) {
        this.of = of;
        this.tables = tables;
    }

    int tables() {
        return tables;
    }

    /** Applies the add; false when its table does not exist here (the switch answers FLOW_MOD_FAILED). */
    boolean add(OFFlowAdd add) {
        if (add.getTableId().getValue() >= tables) {
            return false;
        }
        entries.removeIf(e -> e.getTableId().equals(add.getTableId()) && e.getPriority() == add.getPriority()
                && e.getMatch().equals(add.getMatch()));
        entries.add(of.buildFlowStatsEntry().setTableId(add.getTableId()).setPriority(add.getPriority())
                .setCookie(add.getCookie()).setIdleTimeout(add.getIdleTimeout()).setHardTimeout(add.getHardTimeout())
                .setMatch(add.getMatch()).setInstructions(add.getInstructions()).setPacketCount(U64.ZERO)
                .setByteCount(U64.ZERO).build());
        return true;
    }

    void delete(OFFlowDelete delete) {
        entries.removeIf(e -> selected(e, delete.getCookie(), delete.getCookieMask(), delete.getTableId()));
    }

    /** A strict delete: the entry of exactly this table, priority and match, if its cookie is selected. */
    void deleteStrict(OFFlowDeleteStrict delete) {
        entries.removeIf(e -> e.getTableId().equals(delete.getTableId()) && e.getPriority() == delete.getPriority()
                && e.getMatch().equals(delete.getMatch())
                && selected(e, delete.getCookie(), delete.getCookieMask(), delete.getTableId()));
    }

    /** The entries a flow stats request with this cookie, mask and table selects. */
    List<OFFlowStatsEntry> select(U64 cookie, U64 mask, TableId tableId) {
        return entries.stream().filter(e -> selected(e, cookie, mask, tableId)).toList();
    }

    List<OFFlowStatsEntry> all() {
        return List.copyOf(entries);
    }

    private static boolean selected(OFFlowStatsEntry e, U64 cookie, U64 mask, TableId tableId) {
        boolean inTable = tableId.equals(TableId.ALL) || tableId.equals(e.getTableId());
        return inTable && e.getCookie().and(mask).equals(cookie.and(mask));
    }
}
