package dev.flowlab.controller.api;

import java.util.Comparator;
import java.util.List;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFFlowStatsEntry;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.protocol.instruction.OFInstruction;
import org.projectfloodlight.openflow.protocol.stat.Stat;
import org.projectfloodlight.openflow.protocol.stat.StatField;
import org.projectfloodlight.openflow.types.U64;

/**
 * A flow stats entry read the same way whatever version the switch speaks. OpenFlow 1.0 has actions
 * instead of instructions; 1.5 moved the counters and the duration into a list of statistics (OXS).
 * Read entries with these, not with openflowj's getters, in code that runs on every version.
 */
public final class FlowEntries {
    private static final OFFactory OF13 = OFFactories.getFactory(OFVersion.OF_13);

    /**
     * Table by table, the highest priority first in each: the order a packet meets the entries in, and the
     * order flowlab lists them (REST, the web view). Entries equal in both keep the switch's order (a stable sort).
     */
    public static final Comparator<OFFlowStatsEntry> TABLE_ORDER = Comparator
            .comparingInt((OFFlowStatsEntry e) -> e.getTableId().getValue())
            .thenComparing(Comparator.comparingInt(OFFlowStatsEntry::getPriority).reversed());

    private FlowEntries() {
    }

    /** Packets the entry matched. */
    public static long packets(OFFlowStatsEntry e) {
        return e.getVersion().compareTo(OFVersion.OF_15) >= 0 ? stat(e, StatField.PACKET_COUNT) : e.getPacketCount().getValue();
    }

    /** Bytes the entry matched. */
    public static long bytes(OFFlowStatsEntry e) {
        return e.getVersion().compareTo(OFVersion.OF_15) >= 0 ? stat(e, StatField.BYTE_COUNT) : e.getByteCount().getValue();
    }

    /** How long the entry has been in the table, in seconds. */
    public static double durationSeconds(OFFlowStatsEntry e) {
        if (e.getVersion().compareTo(OFVersion.OF_15) >= 0) {
            long duration = stat(e, StatField.DURATION);   // seconds in the high 32 bits, nanoseconds in the low
            return (duration >>> 32) + (duration & 0xffff_ffffL) / 1e9;
        }
        return e.getDurationSec() + e.getDurationNsec() / 1e9;
    }

    /**
     * The entry's instructions; a 1.0 entry's actions come as the one apply-actions instruction they are
     * from 1.1 on (to read or show, not to send).
     */
    public static List<OFInstruction> instructions(OFFlowStatsEntry e) {
        if (e.getVersion() == OFVersion.OF_10) {
            return e.getActions().isEmpty() ? List.of() : List.of(OF13.instructions().applyActions(e.getActions()));
        }
        return e.getInstructions();
    }

    private static long stat(OFFlowStatsEntry e, StatField<U64> field) {
        Stat stats = e.getStats();
        return stats.supports(field) && stats.get(field) != null ? stats.get(field).getValue() : 0;
    }
}
