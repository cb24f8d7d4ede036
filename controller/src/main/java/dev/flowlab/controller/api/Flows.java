package dev.flowlab.controller.api;

import java.util.List;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFFlowDelete;
import org.projectfloodlight.openflow.protocol.OFOxmList;
import org.projectfloodlight.openflow.protocol.OFPacketOut;
import org.projectfloodlight.openflow.protocol.action.OFAction;
import org.projectfloodlight.openflow.protocol.action.OFActionOutput;
import org.projectfloodlight.openflow.protocol.instruction.OFInstruction;
import org.projectfloodlight.openflow.protocol.match.Match;
import org.projectfloodlight.openflow.protocol.oxm.OFOxm;
import org.projectfloodlight.openflow.types.OFBufferId;
import org.projectfloodlight.openflow.types.OFGroup;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.TableId;
import org.projectfloodlight.openflow.types.U64;

/**
 * The few lines every app would otherwise repeat around openflowj builders. Flow-mods themselves
 * stay openflowj, so app code maps one to one onto the OpenFlow spec.
 */
public final class Flows {
    /** Output to the controller sends the whole packet, not a buffer id plus the first bytes. */
    public static final int NO_BUFFER = 0xffff;

    /** Selects the app part of a cookie, for flow deletes and stats requests of one app. */
    public static final U64 APP_COOKIE_MASK = U64.of(0xffff_ffff_0000_0000L);

    private Flows() {
    }

    /**
     * The cookie of an app's flow entries: a stable hash of the app id in the top 32 bits, so
     * {@code ovs-ofctl dump-flows} and flow-removed messages show which app made a flow, and
     * {@link #APP_COOKIE_MASK} selects them. The low 32 bits are zero, free for the app.
     */
    public static U64 cookie(String appId) {
        return U64.of((long) appId.hashCode() << 32);
    }

    /** The apply-actions instruction list for a flow-mod: {@code setInstructions(apply(of, actions))}. */
    public static List<OFInstruction> apply(OFFactory of, OFAction... actions) {
        return List.of(of.instructions().applyActions(List.of(actions)));
    }

    /**
     * A match on exactly these fields, built in one pass: {@code match(of, of.oxms().inPort(p),
     * of.oxms().ethDst(mac))}. Prefer it on hot paths to openflowj's {@code Match.Builder.setExact},
     * which rebuilds its whole field map on every call.
     */
    public static Match match(OFFactory of, OFOxm<?>... fields) {
        return of.buildMatchV3().setOxmList(OFOxmList.of(fields)).build();
    }

    /**
     * A packet-out carrying {@code frame} itself (no switch buffer) with these actions, as if it came
     * in on {@code inPort}: {@link OFPort#CONTROLLER} for a frame the controller made, the real port
     * for a packet that came from a host (output to that same port is then dropped, as OpenFlow says).
     */
    public static OFPacketOut packetOut(OFFactory of, OFPort inPort, List<? extends OFAction> actions, byte[] frame) {
        return of.buildPacketOut()
                .setBufferId(OFBufferId.NO_BUFFER)
                .setInPort(inPort)
                .setActions(List.copyOf(actions))
                .setData(frame)
                .build();
    }

    /** Output to a port; to {@link OFPort#CONTROLLER} it carries the whole packet. */
    public static OFActionOutput output(OFFactory of, OFPort port) {
        return of.actions().output(port, NO_BUFFER);
    }

    /**
     * A delete of every entry, in every table, whose cookie equals {@code cookie} under {@code mask}
     * (an app's own with {@link #APP_COOKIE_MASK}). Callers narrow it further (a match, an out port)
     * before {@code build()}.
     */
    public static OFFlowDelete.Builder deleteByCookie(OFFactory of, U64 cookie, U64 mask) {
        return of.buildFlowDelete().setTableId(TableId.ALL).setOutPort(OFPort.ANY).setOutGroup(OFGroup.ANY)
                .setCookie(cookie).setCookieMask(mask).setMatch(of.matchWildcardAll());
    }
}
