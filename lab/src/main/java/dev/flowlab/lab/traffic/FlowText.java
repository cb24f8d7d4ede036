package dev.flowlab.lab.traffic;

import dev.flowlab.controller.api.FlowEntries;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.projectfloodlight.openflow.protocol.OFFlowStatsEntry;
import org.projectfloodlight.openflow.protocol.action.OFAction;
import org.projectfloodlight.openflow.protocol.action.OFActionOutput;
import org.projectfloodlight.openflow.protocol.instruction.OFInstruction;
import org.projectfloodlight.openflow.protocol.instruction.OFInstructionApplyActions;
import org.projectfloodlight.openflow.protocol.instruction.OFInstructionClearActions;
import org.projectfloodlight.openflow.protocol.instruction.OFInstructionGotoTable;
import org.projectfloodlight.openflow.protocol.instruction.OFInstructionWriteActions;
import org.projectfloodlight.openflow.protocol.match.Match;
import org.projectfloodlight.openflow.protocol.match.MatchField;
import org.projectfloodlight.openflow.types.OFPort;

/**
 * Flow-stats entries as one line each, in the shape {@code ovs-ofctl dump-flows} prints, so a user
 * reads the controller's view and OVS's view the same way.
 */
public final class FlowText {
    private static final Map<OFPort, String> SPECIAL_PORTS = Map.of(
            OFPort.CONTROLLER, "CONTROLLER", OFPort.FLOOD, "FLOOD", OFPort.ALL, "ALL",
            OFPort.IN_PORT, "IN_PORT", OFPort.LOCAL, "LOCAL", OFPort.NORMAL, "NORMAL", OFPort.TABLE, "TABLE");

    private FlowText() {
    }

    /** The entries sorted as a person scans a table: by table, then highest priority first. */
    public static List<String> lines(List<OFFlowStatsEntry> entries) {
        return entries.stream()
                .sorted(Comparator.comparingInt((OFFlowStatsEntry e) -> e.getTableId().getValue())
                        .thenComparing(Comparator.comparingInt(OFFlowStatsEntry::getPriority).reversed()))
                .map(FlowText::line)
                .toList();
    }

    /** Short lines, busiest first: {@code in_port=1,eth_dst=... -> output:2  (4267 packets)}. */
    public static List<String> briefLines(List<OFFlowStatsEntry> entries) {
        return entries.stream()
                .sorted(Comparator.comparingLong(FlowEntries::packets).reversed())
                .map(e -> {
                    String match = match(e.getMatch());
                    return "priority " + e.getPriority() + "  " + (match.isEmpty() ? "(any)" : match) + " -> "
                            + instructions(FlowEntries.instructions(e)) + "  (" + FlowEntries.packets(e) + " packets)";
                })
                .toList();
    }

    public static String line(OFFlowStatsEntry e) {
        StringBuilder sb = new StringBuilder();
        sb.append("cookie=0x").append(Long.toHexString(e.getCookie().getValue()))
                .append(", duration=").append(String.format("%.3fs", FlowEntries.durationSeconds(e)))
                .append(", table=").append(e.getTableId().getValue())
                .append(", n_packets=").append(FlowEntries.packets(e))
                .append(", n_bytes=").append(FlowEntries.bytes(e));
        if (e.getIdleTimeout() != 0) {
            sb.append(", idle_timeout=").append(e.getIdleTimeout());
        }
        if (e.getHardTimeout() != 0) {
            sb.append(", hard_timeout=").append(e.getHardTimeout());
        }
        sb.append(", priority=").append(e.getPriority());
        String match = match(e.getMatch());
        if (!match.isEmpty()) {
            sb.append(',').append(match);
        }
        sb.append(" actions=").append(instructions(FlowEntries.instructions(e)));
        return sb.toString();
    }

    static String match(Match match) {
        List<String> parts = new ArrayList<>();
        for (MatchField<?> field : match.getMatchFields()) {
            Object value = match.isPartiallyMasked(field) ? match.getMasked(field) : match.get(field);
            parts.add(field.getName() + "=" + (value instanceof OFPort p ? port(p) : String.valueOf(value)));
        }
        return String.join(",", parts);
    }

    static String instructions(List<OFInstruction> instructions) {
        List<String> parts = new ArrayList<>();
        for (OFInstruction i : instructions) {
            if (i instanceof OFInstructionApplyActions apply) {
                apply.getActions().forEach(a -> parts.add(action(a)));
            } else if (i instanceof OFInstructionWriteActions write) {
                parts.add("write_actions(" + String.join(",", write.getActions().stream().map(FlowText::action).toList()) + ")");
            } else if (i instanceof OFInstructionClearActions) {
                parts.add("clear_actions");
            } else if (i instanceof OFInstructionGotoTable go) {
                parts.add("goto_table:" + go.getTableId().getValue());
            } else {
                parts.add(i.getType().toString().toLowerCase());
            }
        }
        return parts.isEmpty() ? "drop" : String.join(",", parts);
    }

    static String action(OFAction a) {
        if (a instanceof OFActionOutput out) {
            return "output:" + port(out.getPort());
        }
        return a.getType().toString().toLowerCase();
    }

    static String port(OFPort p) {
        return SPECIAL_PORTS.getOrDefault(p, String.valueOf(p.getPortNumber()));
    }
}
