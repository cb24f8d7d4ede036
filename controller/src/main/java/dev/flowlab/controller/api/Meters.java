package dev.flowlab.controller.api;

import java.util.ArrayList;
import java.util.List;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.protocol.action.OFAction;
import org.projectfloodlight.openflow.protocol.instruction.OFInstruction;
import org.projectfloodlight.openflow.protocol.instruction.OFInstructionApplyActions;
import org.projectfloodlight.openflow.protocol.meterband.OFMeterBand;

/**
 * Meter bands, and the instructions that send a flow's packets through a meter, for OpenFlow 1.3 and
 * later (1.5 made the meter an action). Meters themselves are added through {@link MeterTable}, which
 * picks a free meter id and records the owner.
 *
 * <pre>{@code
 * // at most 1000 kbit/s, bursts of 100 kbit; the excess is dropped
 * ctx.meters().add(sw, Set.of(OFMeterFlags.KBPS, OFMeterFlags.BURST), List.of(Meters.drop(of, 1000, 100)))
 *    .thenAccept(id -> sw.send(of.buildFlowAdd()...setInstructions(Meters.apply(of, id, Flows.output(of, port))).build()));
 * }</pre>
 */
public final class Meters {
    /** The oldest OpenFlow version with meters. */
    public static final OFVersion SINCE = OFVersion.OF_13;

    private Meters() {
    }

    /**
     * A band that drops what exceeds {@code rate} (kbit/s or packets/s, as the meter's flags say), allowing
     * bursts of {@code burst} (used with the {@code BURST} flag).
     */
    public static OFMeterBand drop(OFFactory of, long rate, long burst) {
        require(of);
        return of.meterBands().buildDrop().setRate(rate).setBurstSize(burst).build();
    }

    /** A band that raises the drop precedence of the DSCP of what exceeds {@code rate} by {@code precLevel}. */
    public static OFMeterBand dscpRemark(OFFactory of, long rate, long burst, int precLevel) {
        require(of);
        if (precLevel < 0 || precLevel > 0xff) {
            throw new IllegalArgumentException("a dscp_remark band's prec_level must be 0-255, not " + precLevel);
        }
        return of.meterBands().buildDscpRemark().setRate(rate).setBurstSize(burst).setPrecLevel((short) precLevel)
                .build();
    }

    /**
     * The instructions of a flow whose packets pass meter {@code meterId} and then get {@code actions}:
     * a meter instruction before apply-actions up to OpenFlow 1.4, a meter action first in 1.5.
     */
    public static List<OFInstruction> apply(OFFactory of, long meterId, OFAction... actions) {
        return through(of, meterId, List.of(of.instructions().applyActions(List.of(actions))));
    }

    /**
     * {@code instructions} with meter {@code meterId} in front of them: the meter instruction up to
     * OpenFlow 1.4; in 1.5 the meter action first in the apply-actions (one is added if there is none).
     * A flow another app built gets its meter this way ({@link FlowFilter}).
     */
    public static List<OFInstruction> through(OFFactory of, long meterId, List<OFInstruction> instructions) {
        require(of);
        List<OFInstruction> all = new ArrayList<>();
        if (of.getVersion().compareTo(OFVersion.OF_15) < 0) {
            all.add(of.instructions().meter(meterId));
            all.addAll(instructions);
            return all;
        }
        boolean metered = false;
        for (OFInstruction i : instructions) {
            if (!metered && i instanceof OFInstructionApplyActions apply) {
                List<OFAction> actions = new ArrayList<>();
                actions.add(of.actions().meter(meterId));
                actions.addAll(apply.getActions());
                all.add(of.instructions().applyActions(actions));
                metered = true;
            } else {
                all.add(i);
            }
        }
        if (!metered) {
            all.add(0, of.instructions().applyActions(List.of(of.actions().meter(meterId))));
        }
        return all;
    }

    /**
     * @throws UnsupportedOperationException for a factory older than OpenFlow 1.3
     */
    public static void require(OFFactory of) {
        if (of.getVersion().compareTo(SINCE) < 0) {
            throw new UnsupportedOperationException("meters need OpenFlow 1.3 or later; this switch speaks "
                    + versionName(of.getVersion()));
        }
    }

    /** {@code OpenFlow 1.0} for {@link OFVersion#OF_10}: the names users know from ovs-vsctl, with a dot. */
    static String versionName(OFVersion v) {
        return "OpenFlow 1." + (v.getWireVersion() - 1);
    }
}
