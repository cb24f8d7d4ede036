package dev.flowlab.controller.rest;

import dev.flowlab.controller.api.Meters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFMeterFlags;
import org.projectfloodlight.openflow.protocol.meterband.OFMeterBand;

/**
 * The body of {@code POST /api/switches/{dpid}/meters} (and of {@code PUT .../meters/{id}}), as Ryu's
 * {@code meterentry}: {@code {"flags": ["KBPS"], "bands": [{"type": "DROP", "rate": 1000, "burst_size": 100}]}}.
 * Without {@code meter_id} the controller picks the lowest free id. Flags default to KBPS and STATS;
 * BURST is added when a band gives a burst size.
 */
record MeterBody(Long meterId, List<String> flags, List<Band> bands) {
    /** One band: DROP, or DSCP_REMARK with a prec_level. */
    record Band(String type, Long rate, Long burstSize, Integer precLevel) {
    }

    /** @throws IllegalArgumentException naming the flag at fault */
    Set<OFMeterFlags> meterFlags() {
        Set<OFMeterFlags> set = EnumSet.noneOf(OFMeterFlags.class);
        if (flags == null) {
            set.add(OFMeterFlags.KBPS);
            set.add(OFMeterFlags.STATS);
        } else {
            for (String name : flags) {
                try {
                    set.add(OFMeterFlags.valueOf(String.valueOf(name).toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("flags: '" + name + "' is not one of KBPS, PKTPS, BURST, STATS");
                }
            }
        }
        if (set.contains(OFMeterFlags.KBPS) == set.contains(OFMeterFlags.PKTPS)) {
            throw new IllegalArgumentException("flags: give exactly one of KBPS (rates in kbit/s) and PKTPS (packets/s)");
        }
        if (bands != null && bands.stream().anyMatch(b -> b != null && b.burstSize != null && b.burstSize > 0)) {
            set.add(OFMeterFlags.BURST);
        }
        return set;
    }

    /** @throws IllegalArgumentException naming the band and field at fault */
    List<OFMeterBand> toBands(OFFactory of) {
        if (bands == null || bands.isEmpty()) {
            throw new IllegalArgumentException("bands: give at least one, like [{\"type\": \"DROP\", \"rate\": 1000}]");
        }
        List<OFMeterBand> built = new ArrayList<>();
        for (int i = 0; i < bands.size(); i++) {
            String where = "bands[" + i + "]";
            Band b = bands.get(i);
            if (b == null || b.type == null) {
                throw new IllegalArgumentException(where + ".type: missing; DROP or DSCP_REMARK");
            }
            long rate = u32(where + ".rate", b.rate, -1);
            long burst = u32(where + ".burst_size", b.burstSize, 0);
            switch (b.type.toUpperCase(Locale.ROOT)) {
                case "DROP" -> {
                    if (b.precLevel != null) {
                        throw new IllegalArgumentException(where + ".prec_level: only DSCP_REMARK bands have one");
                    }
                    built.add(Meters.drop(of, rate, burst));
                }
                case "DSCP_REMARK" -> {
                    if (b.precLevel == null || b.precLevel < 1 || b.precLevel > 63) {
                        throw new IllegalArgumentException(where + ".prec_level: " + (b.precLevel == null ? "missing"
                                : b.precLevel + " is out of range") + " (1-63: how far the drop precedence goes up)");
                    }
                    built.add(Meters.dscpRemark(of, rate, burst, b.precLevel));
                }
                default -> throw new IllegalArgumentException(where + ".type: '" + b.type + "' is not DROP or DSCP_REMARK");
            }
        }
        return built;
    }

    private static long u32(String name, Long value, long fallback) {
        if (value == null) {
            if (fallback < 0) {
                throw new IllegalArgumentException(name + ": missing");
            }
            return fallback;
        }
        if (value < (fallback < 0 ? 1 : 0) || value > 0xffffffffL) {
            throw new IllegalArgumentException(name + ": " + value + " is out of range " + (fallback < 0 ? 1 : 0) + "-"
                    + 0xffffffffL);
        }
        return value;
    }
}
