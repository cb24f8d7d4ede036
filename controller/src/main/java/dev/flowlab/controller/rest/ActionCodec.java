package dev.flowlab.controller.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowlab.controller.api.Groups;
import dev.flowlab.controller.api.Meters;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.action.OFAction;
import org.projectfloodlight.openflow.protocol.action.OFActionGroup;
import org.projectfloodlight.openflow.protocol.action.OFActionMeter;
import org.projectfloodlight.openflow.protocol.action.OFActionOutput;
import org.projectfloodlight.openflow.protocol.action.OFActionPushVlan;
import org.projectfloodlight.openflow.protocol.action.OFActionSetField;
import org.projectfloodlight.openflow.protocol.action.OFActionSetQueue;
import org.projectfloodlight.openflow.protocol.instruction.OFInstruction;
import org.projectfloodlight.openflow.protocol.instruction.OFInstructionApplyActions;
import org.projectfloodlight.openflow.protocol.instruction.OFInstructionGotoTable;
import org.projectfloodlight.openflow.protocol.instruction.OFInstructionMeter;
import org.projectfloodlight.openflow.protocol.match.MatchField;
import org.projectfloodlight.openflow.protocol.oxm.OFOxm;
import org.projectfloodlight.openflow.types.EthType;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.OFValueType;
import org.projectfloodlight.openflow.types.TableId;

/**
 * Actions in JSON, as Ryu's REST API writes them: a list of objects with a {@code type}
 * ({@code {"type": "OUTPUT", "port": 2}}). An empty list drops the packet. {@code GOTO_TABLE} may
 * end the list and {@code METER} stand in it, as in Ryu, though OpenFlow makes them instructions.
 */
final class ActionCodec {
    private static final Map<String, Set<String>> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put("OUTPUT", Set.of("port", "max_len"));
        KEYS.put("SET_FIELD", Set.of("field", "value"));
        KEYS.put("DEC_NW_TTL", Set.of());
        KEYS.put("PUSH_VLAN", Set.of("ethertype"));
        KEYS.put("POP_VLAN", Set.of());
        KEYS.put("SET_QUEUE", Set.of("queue_id"));
        KEYS.put("GROUP", Set.of("group_id"));
        KEYS.put("METER", Set.of("meter_id"));
        KEYS.put("GOTO_TABLE", Set.of("table_id"));
    }

    private ActionCodec() {
    }

    /**
     * The instructions for a flow-mod: the meter if given (as Ryu, a {@code METER} entry in the list),
     * apply-actions with the listed actions, then goto-table if given.
     *
     * @throws IllegalArgumentException naming the action ({@code actions[1].port}) and what it expects
     */
    static List<OFInstruction> parse(OFFactory of, List<JsonNode> json) {
        Parsed parsed = parse(of, json, "actions", true);
        List<OFInstruction> instructions = new ArrayList<>();
        if (parsed.meter != null) {
            instructions.addAll(Meters.apply(of, parsed.meter, parsed.actions.toArray(OFAction[]::new)));
        } else if (!parsed.actions.isEmpty()) {
            instructions.add(of.instructions().applyActions(parsed.actions));
        }
        if (parsed.gotoTable != null) {
            instructions.add(parsed.gotoTable);
        }
        return instructions;
    }

    /**
     * The actions of a group bucket ({@code where} names the list: {@code buckets[0].actions}); no
     * goto-table and no meter there.
     */
    static List<OFAction> bucketActions(OFFactory of, List<JsonNode> json, String where) {
        return parse(of, json, where, false).actions;
    }

    private record Parsed(List<OFAction> actions, OFInstruction gotoTable, Long meter) {
    }

    private static Parsed parse(OFFactory of, List<JsonNode> json, String list, boolean flow) {
        List<OFAction> actions = new ArrayList<>();
        OFInstruction gotoTable = null;
        Long meter = null;
        for (int i = 0; i < json.size(); i++) {
            String where = list + "[" + i + "]";
            JsonNode node = json.get(i);
            if (gotoTable != null) {
                throw new IllegalArgumentException(where + ": nothing may follow GOTO_TABLE; make it the last action");
            }
            String type = type(node, where);
            if (!flow && (type.equals("GOTO_TABLE") || type.equals("METER"))) {
                throw new IllegalArgumentException(where + ": " + type + " belongs in a flow, not in a group bucket");
            }
            switch (type) {
                case "OUTPUT" -> actions.add(of.actions().buildOutput()
                        .setPort(port(node, where))
                        .setMaxLen((int) number(node, "max_len", 0xffff, 0xffff, where))
                        .build());
                case "SET_FIELD" -> actions.add(of.actions().setField(oxm(of, node, where)));
                case "DEC_NW_TTL" -> actions.add(of.actions().decNwTtl());
                case "PUSH_VLAN" -> actions.add(of.actions().pushVlan(
                        EthType.of((int) number(node, "ethertype", 0x8100, 0xffff, where))));
                case "POP_VLAN" -> actions.add(of.actions().popVlan());
                case "SET_QUEUE" -> actions.add(of.actions().setQueue(number(node, "queue_id", -1, 0xffffffffL, where)));
                case "GROUP" -> actions.add(Groups.action(of, number(node, "group_id", -1, 0xffffff00L, where)));
                case "METER" -> {
                    if (meter != null) {
                        throw new IllegalArgumentException(where + ": a flow passes one meter; remove the second METER");
                    }
                    meter = number(node, "meter_id", -1, 0xffff0000L, where);
                }
                case "GOTO_TABLE" -> gotoTable = of.instructions().gotoTable(
                        TableId.of((int) number(node, "table_id", -1, 254, where)));
                default -> throw new IllegalStateException(type);
            }
        }
        return new Parsed(actions, gotoTable, meter);
    }

    private static String type(JsonNode node, String where) {
        if (!node.isObject() || !node.hasNonNull("type")) {
            throw new IllegalArgumentException(where + ": an action is an object with a type, like {\"type\": \"OUTPUT\", \"port\": 2}");
        }
        String type = node.get("type").asText().toUpperCase(Locale.ROOT);
        Set<String> keys = KEYS.get(type);
        if (keys == null) {
            throw new IllegalArgumentException(where + ".type: '" + node.get("type").asText() + "' is not one of "
                    + String.join(", ", KEYS.keySet()));
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("type") && !keys.contains(name)) {
                throw new IllegalArgumentException(where + ": unknown key '" + name + "' for " + type + " (valid keys: type"
                        + (keys.isEmpty() ? "" : ", " + String.join(", ", keys.stream().sorted().toList())) + ")");
            }
        }
        return type;
    }

    private static OFPort port(JsonNode node, String where) {
        JsonNode port = node.get("port");
        OFPort parsed = port == null || !port.isValueNode() ? null : PortNumbers.parse(port.asText());
        if (parsed == null) {
            throw new IllegalArgumentException(where + ".port: " + (port == null ? "missing" : "'" + port.asText() + "' is not")
                    + " " + PortNumbers.names());
        }
        return parsed;
    }

    /** A whole number field; {@code fallback} when absent, or an error when the fallback is -1 (required). */
    private static long number(JsonNode node, String key, long fallback, long max, String where) {
        JsonNode value = node.get(key);
        if (value == null) {
            if (fallback < 0) {
                throw new IllegalArgumentException(where + "." + key + ": missing");
            }
            return fallback;
        }
        String text = value.asText().trim().toLowerCase(Locale.ROOT);
        try {
            long n = text.startsWith("0x") ? Long.parseLong(text.substring(2), 16) : Long.parseLong(text);
            if (n >= 0 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(where + "." + key + ": '" + value.asText() + "' is not a whole number 0-" + max);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static OFOxm<?> oxm(OFFactory of, JsonNode node, String where) {
        JsonNode field = node.get("field");
        JsonNode value = node.get("value");
        if (field == null || value == null) {
            throw new IllegalArgumentException(where + ": SET_FIELD needs field and value, like"
                    + " {\"type\": \"SET_FIELD\", \"field\": \"eth_dst\", \"value\": \"00:00:00:00:00:02\"}");
        }
        MatchField matchField = MatchCodec.field(field.asText());
        if (matchField == null || matchField == MatchField.IN_PORT) {
            throw new IllegalArgumentException(where + ".field: '" + field.asText() + "' cannot be set (settable: "
                    + MatchCodec.names().replace("in_port, ", "") + ")");
        }
        OFValueType v = MatchCodec.exactValue(field.asText(), value.asText(), where + ".value");
        return of.oxms().fromValue(v, matchField);
    }

    /** Instructions as JSON, in the format {@link #parse} reads. */
    static List<Map<String, Object>> toJson(List<OFInstruction> instructions) {
        List<Map<String, Object>> json = new ArrayList<>();
        for (OFInstruction instruction : instructions) {
            if (instruction instanceof OFInstructionApplyActions apply) {
                json.addAll(actionsToJson(apply.getActions()));
            } else if (instruction instanceof OFInstructionMeter meter) {
                json.add(entry("METER", "meter_id", meter.getMeterId()));
            } else if (instruction instanceof OFInstructionGotoTable goTo) {
                json.add(entry("GOTO_TABLE", "table_id", goTo.getTableId().getValue()));
            } else {
                json.add(entry(instruction.getType().name(), null, null));
            }
        }
        return json;
    }

    /** Actions (of a bucket, say) as JSON, in the format {@link #bucketActions} reads. */
    static List<Map<String, Object>> actionsToJson(List<OFAction> actions) {
        return actions.stream().map(ActionCodec::toJson).toList();
    }

    private static Map<String, Object> toJson(OFAction action) {
        if (action instanceof OFActionOutput out) {
            Map<String, Object> json = entry("OUTPUT", "port", PortNumbers.json(out.getPort()));
            if (out.getPort().equals(OFPort.CONTROLLER) && out.getMaxLen() != 0xffff) {
                json.put("max_len", out.getMaxLen());
            }
            return json;
        } else if (action instanceof OFActionSetField set) {
            Map<String, Object> json = entry("SET_FIELD", "field", set.getField().getMatchField().getName());
            json.put("value", MatchCodec.json(set.getField().getValue()));
            return json;
        } else if (action instanceof OFActionPushVlan push) {
            return entry("PUSH_VLAN", "ethertype", push.getEthertype().getValue());
        } else if (action instanceof OFActionSetQueue queue) {
            return entry("SET_QUEUE", "queue_id", queue.getQueueId());
        } else if (action instanceof OFActionGroup group) {
            return entry("GROUP", "group_id", group.getGroup().getGroupNumber() & 0xffffffffL);
        } else if (action instanceof OFActionMeter meter) {
            return entry("METER", "meter_id", meter.getMeterId());
        }
        return entry(action.getType().name(), null, null);
    }

    private static Map<String, Object> entry(String type, String key, Object value) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", type);
        if (key != null) {
            json.put(key, value);
        }
        return json;
    }
}
