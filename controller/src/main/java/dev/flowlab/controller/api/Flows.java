package dev.flowlab.controller.api;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFFlowDelete;
import org.projectfloodlight.openflow.protocol.OFFlowStatsRequest;
import org.projectfloodlight.openflow.protocol.OFOxmList;
import org.projectfloodlight.openflow.protocol.oxm.OFOxms;
import org.projectfloodlight.openflow.protocol.OFPacketOut;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.protocol.action.OFAction;
import org.projectfloodlight.openflow.protocol.action.OFActionOutput;
import org.projectfloodlight.openflow.protocol.instruction.OFInstruction;
import org.projectfloodlight.openflow.protocol.match.Match;
import org.projectfloodlight.openflow.protocol.match.MatchField;
import org.projectfloodlight.openflow.protocol.oxm.OFOxm;
import org.projectfloodlight.openflow.types.OFBufferId;
import org.projectfloodlight.openflow.types.OFGroup;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.OFValueType;
import org.projectfloodlight.openflow.types.TableId;
import org.projectfloodlight.openflow.types.U64;

/**
 * The few lines every app would otherwise repeat around openflowj builders. Flow-mods themselves
 * stay openflowj, so app code maps one to one onto the OpenFlow spec.
 *
 * <p>Versions: a switch speaks OpenFlow 1.0, 1.3, 1.4 or 1.5 ({@link Switch#version()}). Code that
 * should run on all of them builds with the switch's factory, sets a flow's actions with
 * {@code setActions} (an apply-actions instruction from 1.1 on), names match fields with
 * {@link #oxms} and {@link #match}, and sends packets with {@link #packetOut}. {@link #apply} and
 * table ids are 1.1+; the rest of the instructions, groups and meters are 1.3+.
 */
public final class Flows {
    private static final OFFactory OF13 = OFFactories.getFactory(OFVersion.OF_13);

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

    /**
     * The apply-actions instruction list for a flow-mod: {@code setInstructions(apply(of, actions))}
     * (OpenFlow 1.1+; {@code setActions(List.of(actions))} says the same on every version).
     */
    public static List<OFInstruction> apply(OFFactory of, OFAction... actions) {
        return List.of(of.instructions().applyActions(List.of(actions)));
    }

    /**
     * A match on exactly these fields, built in one pass: {@code match(of, Flows.oxms(of).inPort(p),
     * Flows.oxms(of).ethDst(mac))}. Prefer it on hot paths to openflowj's {@code Match.Builder.setExact},
     * which rebuilds its whole field map on every call. On OpenFlow 1.0 the fields become a 1.0 match
     * (one that version cannot express fails with {@link UnsupportedOperationException}).
     */
    public static Match match(OFFactory of, OFOxm<?>... fields) {
        if (of.getVersion() == OFVersion.OF_10) {
            Match.Builder v10 = of.buildMatch();
            for (OFOxm<?> field : fields) {
                set(v10, field);
            }
            return v10.build();
        }
        return of.buildMatchV3().setOxmList(OFOxmList.of(fields)).build();
    }

    @SuppressWarnings("unchecked")   // an OXM's field and value have the same type argument
    private static <F extends OFValueType<F>> void set(Match.Builder builder, OFOxm<F> field) {
        if (field.isMasked()) {
            builder.setMasked(field.getMatchField(), field.getValue(), field.getMask());
        } else {
            builder.setExact(field.getMatchField(), field.getValue());
        }
    }

    /**
     * Where to make match fields for {@link #match}: the switch's own OXMs, and on OpenFlow 1.0 (which has
     * none) 1.3's, which {@link #match} turns into a 1.0 match. (Set-field actions need 1.2+: build those
     * with {@code of.oxms()}.)
     */
    public static OFOxms oxms(OFFactory of) {
        return of.getVersion() == OFVersion.OF_10 ? OF13.oxms() : of.oxms();
    }

    /**
     * A packet-out carrying {@code frame} itself (no switch buffer) with these actions, as if it came
     * in on {@code inPort}: {@link OFPort#CONTROLLER} for a frame the controller made, the real port
     * for a packet that came from a host (output to that same port is then dropped, as OpenFlow says).
     */
    public static OFPacketOut packetOut(OFFactory of, OFPort inPort, List<? extends OFAction> actions, byte[] frame) {
        return withInPort(of, of.buildPacketOut(), inPort)
                .setBufferId(OFBufferId.NO_BUFFER)
                .setActions(List.copyOf(actions))
                .setData(frame)
                .build();
    }

    /** A packet-out releasing a packet the switch buffered (its packet-in's buffer id) with these actions. */
    public static OFPacketOut packetOutOfBuffer(OFFactory of, OFBufferId buffer, OFPort inPort,
                                                List<? extends OFAction> actions) {
        return withInPort(of, of.buildPacketOut(), inPort).setBufferId(buffer).setActions(List.copyOf(actions)).build();
    }

    /** A packet-out's ingress port, in any version (1.5 carries it in a match; the versions before in a field). */
    public static OFPort inPortOf(OFPacketOut out) {
        if (out.getVersion().compareTo(OFVersion.OF_15) >= 0) {
            OFPort port = out.getMatch().get(MatchField.IN_PORT);
            return port == null ? OFPort.ANY : port;
        }
        return out.getInPort();
    }

    /** OpenFlow 1.5 says a packet-out's ingress port in a match; the versions before in a field. */
    private static OFPacketOut.Builder withInPort(OFFactory of, OFPacketOut.Builder out, OFPort inPort) {
        if (of.getVersion().compareTo(OFVersion.OF_15) >= 0) {
            return out.setMatch(of.buildMatchV3().setOxmList(OFOxmList.of(of.oxms().inPort(inPort))).build());
        }
        return out.setInPort(inPort);
    }

    /** Output to a port; to {@link OFPort#CONTROLLER} it carries the whole packet. */
    public static OFActionOutput output(OFFactory of, OFPort port) {
        return of.actions().output(port, NO_BUFFER);
    }

    /**
     * A delete of every entry, in every table, whose cookie equals {@code cookie} under {@code mask}
     * (an app's own with {@link #APP_COOKIE_MASK}). Callers narrow it further (a match, an out port)
     * before {@code build()}. OpenFlow 1.1 and later only: a 1.0 delete has no cookie, so it would take
     * every app's entries and the core's; {@link #deleteOwn} deletes an app's own entries on every version.
     *
     * @throws UnsupportedOperationException for an OpenFlow 1.0 factory
     */
    public static OFFlowDelete.Builder deleteByCookie(OFFactory of, U64 cookie, U64 mask) {
        if (of.getVersion() == OFVersion.OF_10) {
            throw new UnsupportedOperationException("an OpenFlow 1.0 flow delete cannot select by cookie (it would delete"
                    + " other apps' entries too): use Flows.deleteOwn(switch, cookie, mask, outPort)");
        }
        return of.buildFlowDelete().setOutPort(OFPort.ANY).setMatch(of.matchWildcardAll())
                .setTableId(TableId.ALL).setOutGroup(OFGroup.ANY).setCookie(cookie).setCookieMask(mask);
    }

    /**
     * Deletes the switch's entries whose cookie equals {@code cookie} under {@code mask} and, unless
     * {@code outPort} is {@link OFPort#ANY}, that output to {@code outPort}: an app's own entries, never
     * another app's or the core's, in every version. From OpenFlow 1.1 on that is one delete by cookie,
     * sent at once. OpenFlow 1.0 has no cookie in a delete (a delete there selects by match and out port
     * only), but its flow stats report each entry's cookie: the switch is asked for its entries, and those
     * with the cookie are deleted one by one, each by its own match and priority (a strict delete). An
     * entry the app adds after the question may be deleted with them, and is learnt again.
     *
     * @return completes once the deletes are sent; fails as {@link Switch#request} does (1.0 only)
     */
    public static CompletableFuture<Void> deleteOwn(Switch sw, U64 cookie, U64 mask, OFPort outPort) {
        OFFactory of = sw.factory();
        if (of.getVersion() != OFVersion.OF_10) {
            sw.send(deleteByCookie(of, cookie, mask).setOutPort(outPort).build());
            return CompletableFuture.completedFuture(null);
        }
        OFFlowStatsRequest mine = of.buildFlowStatsRequest().setTableId(TableId.ALL).setOutPort(outPort)
                .setMatch(of.matchWildcardAll()).build();
        return sw.request(mine).thenAccept(parts -> parts.stream().flatMap(r -> r.getEntries().stream())
                .filter(e -> e.getCookie().and(mask).equals(cookie.and(mask)))
                .forEach(e -> sw.send(of.buildFlowDeleteStrict().setMatch(e.getMatch()).setPriority(e.getPriority())
                        .setCookie(e.getCookie()).setOutPort(outPort).build())));
    }

    /** A flow stats request for every entry of every table, in any version (read the entries with {@link FlowEntries}). */
    public static OFFlowStatsRequest allFlows(OFFactory of) {
        OFFlowStatsRequest.Builder request = of.buildFlowStatsRequest().setTableId(TableId.ALL).setOutPort(OFPort.ANY)
                .setMatch(of.matchWildcardAll());
        if (of.getVersion() != OFVersion.OF_10) {
            request.setOutGroup(OFGroup.ANY).setCookie(U64.ZERO).setCookieMask(U64.ZERO);
        }
        return request.build();
    }
}
