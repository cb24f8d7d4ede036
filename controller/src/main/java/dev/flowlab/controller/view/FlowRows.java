package dev.flowlab.controller.view;

import dev.flowlab.controller.api.FlowEntries;
import dev.flowlab.controller.api.Flows;
import dev.flowlab.controller.view.ViewSnapshot.FlowView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.projectfloodlight.openflow.protocol.OFFlowStatsEntry;
import org.projectfloodlight.openflow.protocol.action.OFAction;
import org.projectfloodlight.openflow.protocol.action.OFActionOutput;
import org.projectfloodlight.openflow.protocol.instruction.OFInstruction;
import org.projectfloodlight.openflow.protocol.instruction.OFInstructionApplyActions;
import org.projectfloodlight.openflow.protocol.match.MatchField;
import org.projectfloodlight.openflow.types.U64;

/** A flow entry as one row of the web view's table: match and actions as text, and the app that owns it by its cookie. */
final class FlowRows {
    private final Map<Long, String> appByCookie = new HashMap<>();

    FlowRows(List<String> apps) {
        appByCookie.put(Flows.cookie("flowlab").getValue() >>> 32, "table-miss");
        apps.forEach(a -> appByCookie.put(Flows.cookie(a).getValue() >>> 32, a));
    }

    FlowView row(OFFlowStatsEntry e) {
        String match = StreamSupport.stream(e.getMatch().getMatchFields().spliterator(), false)
                .map(f -> f.getName() + "=" + matchValue(e, f)).collect(Collectors.joining(","));
        String actions = FlowEntries.instructions(e).stream().map(FlowRows::instruction).collect(Collectors.joining(" "));
        U64 cookie = e.getCookie();
        return new FlowView(e.getTableId().getValue(), e.getPriority(), match.isEmpty() ? "*" : match,
                actions.isEmpty() ? "drop" : actions, FlowEntries.packets(e), FlowEntries.bytes(e),
                appByCookie.getOrDefault(cookie.getValue() >>> 32, cookie.equals(U64.ZERO) ? "" : cookie.toString()));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String matchValue(OFFlowStatsEntry e, MatchField f) {
        return e.getMatch().isPartiallyMasked(f) ? String.valueOf(e.getMatch().getMasked(f)) : String.valueOf(e.getMatch().get(f));
    }

    private static String instruction(OFInstruction i) {
        if (i instanceof OFInstructionApplyActions apply) {
            return apply.getActions().stream().map(FlowRows::action).collect(Collectors.joining(","));
        }
        return i.getType().toString().toLowerCase();
    }

    private static String action(OFAction a) {
        if (a instanceof OFActionOutput out) {
            return "output:" + out.getPort();
        }
        String s = a.toString();
        int paren = s.indexOf('(');
        return paren < 0 ? s : s.substring(0, paren).replaceFirst("^OFAction", "").toLowerCase() + s.substring(paren);
    }
}
