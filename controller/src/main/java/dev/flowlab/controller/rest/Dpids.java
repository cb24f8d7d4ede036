package dev.flowlab.controller.rest;

import dev.flowlab.controller.api.RestException;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.core.SwitchRegistry;
import java.util.regex.Pattern;
import org.projectfloodlight.openflow.types.DatapathId;

/** Datapath ids in URLs, in the forms Ryu and Floodlight users type. */
public final class Dpids {
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,20}");
    private static final Pattern HEX16 = Pattern.compile("[0-9a-fA-F]{16}");
    private static final Pattern COLONS = Pattern.compile("([0-9a-fA-F]{2}:){7}[0-9a-fA-F]{2}");
    private static final Pattern PREFIXED = Pattern.compile("0x[0-9a-fA-F]{1,16}");

    private Dpids() {
    }

    /**
     * Parses {@code 1} (decimal, as Ryu), {@code 00:00:00:00:00:00:00:01} (as Floodlight),
     * {@code 0000000000000001} (16 hex digits, as OVS) or {@code 0x1}.
     */
    public static DatapathId parse(String text) {
        if (COLONS.matcher(text).matches()) {
            return DatapathId.of(text);
        }
        if (HEX16.matcher(text).matches()) {
            return DatapathId.of(Long.parseUnsignedLong(text, 16));
        }
        if (PREFIXED.matcher(text).matches()) {
            return DatapathId.of(Long.parseUnsignedLong(text.substring(2), 16));
        }
        if (DECIMAL.matcher(text).matches()) {
            try {
                return DatapathId.of(Long.parseUnsignedLong(text));
            } catch (NumberFormatException e) {
                // too large: fall through to the error
            }
        }
        throw RestException.badRequest("'" + text + "' is not a datapath id; use 1, 0x1, 0000000000000001"
                + " or 00:00:00:00:00:00:00:01");
    }

    /** The connected switch named by {@code text}, or 404. */
    static Switch connected(SwitchRegistry registry, String text) {
        DatapathId dpid = parse(text);
        return registry.get(dpid).orElseThrow(() -> RestException.notFound("switch " + dpid
                + " is not connected; GET /api/switches lists the connected ones"));
    }
}
