package dev.flowlab.controller.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFFlowAdd;
import org.projectfloodlight.openflow.protocol.match.Match;
import org.projectfloodlight.openflow.types.TableId;
import org.projectfloodlight.openflow.types.U64;

/**
 * The body of {@code POST /api/switches/{dpid}/flows}: the flow entry to add. Absent values take
 * ovs-ofctl's defaults (priority 32768, table 0, no timeouts); no actions means drop.
 */
record FlowBody(Integer priority, Integer tableId, Integer idleTimeout, Integer hardTimeout, Map<String, JsonNode> match,
                List<JsonNode> actions) {
    static final int DEFAULT_PRIORITY = 0x8000;

    /**
     * The flow-add this body describes, with the given cookie.
     *
     * @throws IllegalArgumentException naming the field at fault
     */
    OFFlowAdd toFlowAdd(OFFactory of, U64 cookie) {
        Match m = MatchCodec.parse(of, matchText(), "match");
        return of.buildFlowAdd()
                .setCookie(cookie)
                .setTableId(TableId.of(range("table_id", tableId, 0, 0, 254)))
                .setPriority(range("priority", priority, DEFAULT_PRIORITY, 0, 65535))
                .setIdleTimeout(range("idle_timeout", idleTimeout, 0, 0, 65535))
                .setHardTimeout(range("hard_timeout", hardTimeout, 0, 0, 65535))
                .setMatch(m)
                .setInstructions(ActionCodec.parse(of, actions == null ? List.of() : actions))
                .build();
    }

    private Map<String, String> matchText() {
        Map<String, String> text = new LinkedHashMap<>();
        if (match != null) {
            match.forEach((name, value) -> {
                if (value == null || !value.isValueNode() || value.isNull()) {
                    throw new IllegalArgumentException("match." + name + ": expected a number or text, not " + value);
                }
                text.put(name, value.asText());
            });
        }
        return text;
    }

    private static int range(String name, Integer value, int fallback, int min, int max) {
        int v = value == null ? fallback : value;
        if (v < min || v > max) {
            throw new IllegalArgumentException(name + ": " + v + " is out of range " + min + "-" + max);
        }
        return v;
    }
}
