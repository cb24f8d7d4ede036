package dev.flowlab.controller.api;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.projectfloodlight.openflow.protocol.OFBarrierReply;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFFlowMod;
import org.projectfloodlight.openflow.protocol.OFMessage;
import org.projectfloodlight.openflow.protocol.OFPacketOut;
import org.projectfloodlight.openflow.protocol.OFPortDesc;
import org.projectfloodlight.openflow.protocol.OFStatsReply;
import org.projectfloodlight.openflow.protocol.OFStatsRequest;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.protocol.action.OFAction;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.OFPort;

/**
 * A connected OpenFlow switch that finished its handshake, in the version it agreed on (1.0, 1.3,
 * 1.4 or 1.5: {@link #version()}). Safe to use from any thread.
 *
 * <p>A handle belongs to one connection: after the switch disconnects, {@link #send} drops messages
 * and pending futures fail. Look switches up by datapath id ({@link AppContext#switchById}) rather
 * than keeping handles across {@link App#onSwitchDown}.
 */
public interface Switch {

    /** The datapath id from the switch's FEATURES_REPLY. */
    DatapathId id();

    /** The switch's ports by port number (without the LOCAL port), kept current from PORT_STATUS. */
    List<OFPortDesc> ports();

    /** One port by number, if the switch has it. */
    Optional<OFPortDesc> port(OFPort number);

    /** The factory for messages to this switch, in its version: build everything sent to it with this one. */
    OFFactory factory();

    /**
     * The OpenFlow version this switch speaks. A feature a version lacks (several tables and groups need 1.1+,
     * meters 1.3+) should be refused by name when the switch is older, not sent to fail.
     */
    default OFVersion version() {
        return factory().getVersion();
    }

    /**
     * Sends a message. Sent from a callback, it goes out with the others of the same read batch
     * (one flush per batch); sent from another thread, it is flushed at once. Messages to one switch
     * leave in the order of the send calls, whichever threads make them.
     */
    void send(OFMessage message);

    /**
     * Sends a packet-out of a frame the caller has parsed already ({@code frame}, a packet-in's view): as
     * {@link #send}, but what the controller needs of the frame on the way out (its VLAN) is read from the
     * view instead of parsing the bytes again, and a buffered packet (no bytes in the packet-out) keeps it too.
     */
    default void sendPacketOut(OFPacketOut packetOut, Ethernet frame) {
        send(packetOut);
    }

    /**
     * Sends a message (a flow-mod, typically) followed by a barrier. The future completes once the
     * switch has processed the message, and fails with {@link SwitchErrorException} when the switch
     * answered it with an error (a bad match, a full table...), or with {@link IllegalStateException} saying why
     * when the message was dropped instead of sent (see {@link #send}).
     */
    default CompletableFuture<Void> sendConfirmed(OFMessage message) {
        send(message);
        return barrier().thenApply(reply -> null);
    }

    /**
     * Sends a frame the controller made (an ARP reply, a probe, a flood of a held packet) with these
     * actions: a packet-out with the frame's bytes, in_port CONTROLLER.
     */
    default void sendFrame(byte[] frame, List<? extends OFAction> actions) {
        send(Flows.packetOut(factory(), OFPort.CONTROLLER, actions, frame));
    }

    /** Sends a frame the controller made out of one port (see {@link #sendFrame(byte[], List)}). */
    default void sendFrame(byte[] frame, OFPort out) {
        sendFrame(frame, List.of(Flows.output(factory(), out)));
    }

    /**
     * The entries the switch's flow table holds once {@code mod} is sent: what the controller's pipeline makes
     * of an app's entry (the VLAN stage moves it to a later table, one copy per VLAN with the VLAN in its match;
     * other apps' flow filters may change it). The entry itself where the pipeline changes nothing.
     */
    default List<OFFlowMod> installed(OFFlowMod mod) {
        return List.of(mod);
    }

    /** Sends a barrier request; completes when the switch has processed everything sent before it. */
    CompletableFuture<OFBarrierReply> barrier();

    /**
     * Sends a multipart (stats) request and collects every part of the reply.
     *
     * <p>The future completes on the switch's I/O thread: do not block in what you chain to it. It
     * fails with {@link SwitchErrorException} when the switch answers with an error, with a
     * {@link java.util.concurrent.TimeoutException} when it does not answer in time, and with
     * {@link IllegalStateException} when the switch disconnects first.
     */
    <R extends OFStatsReply> CompletableFuture<List<R>> request(OFStatsRequest<R> request);

    /**
     * This controller's role towards the switch: EQUAL for a controller on its own, MASTER or SLAVE in a
     * cluster. Apps only see switches they may write to ({@link Role#writes()}).
     */
    default Role role() {
        return Role.EQUAL;
    }

    /** Whether this connection is still open. */
    boolean isConnected();

    /** The switch's end of the OpenFlow connection. */
    InetSocketAddress remoteAddress();
}
