package dev.flowlab.controller.api;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

import org.projectfloodlight.openflow.protocol.OFErrorMsg;
import org.projectfloodlight.openflow.protocol.OFFlowRemoved;
import org.projectfloodlight.openflow.protocol.OFPortStatus;
import org.projectfloodlight.openflow.types.DatapathId;

/**
 * A controller application. Override only what you handle; every callback has a no-op default.
 *
 * <p>Threading: the events of one switch reach the apps in order, on that switch's I/O thread.
 * Different switches run on different threads at the same time, so state shared across switches
 * must be concurrent. Callbacks must not block: hand blocking work to {@link AppContext#executor()}.
 * A callback that throws is logged with the app, callback and switch, and the event goes on to the
 * next app.
 */
public interface App {

    /** Position in the chain of apps: lower runs first. Apps with the same order run by app id. */
    default int order() {
        return 100;
    }

    /**
     * Why this app cannot keep the network's VLAN roles apart, if it cannot: the controller then refuses
     * to start, before anything is built. Asked after {@link #start}, before any switch connects. The core VLAN stage keeps VLANs for every app that forwards
     * by outputs to ports; an app that needs more (or cannot work with some role) says so here.
     *
     * @param roles the VLAN roles of the network's ports (never empty)
     */
    default Optional<String> refuseVlans(Collection<VlanRole> roles) {
        return Optional.empty();
    }

    /**
     * Why this app cannot run beside the other apps of the run, if it cannot: the controller then refuses
     * to start, before anything is built. Asked after {@link #start}, before any switch connects.
     *
     * @param others the ids of the run's other apps (as given to {@code --apps})
     */
    default Optional<String> refuseAlongside(Set<String> others) {
        return Optional.empty();
    }

    /**
     * Why this app is not ready for traffic yet (for example ports it still holds back while links are
     * being discovered), or empty when it is. The controller's readiness wait (what {@code flowlab run}
     * does before any traffic) waits, after switches and links, until every app answers empty. Called
     * from any thread.
     */
    default Optional<String> notReady() {
        return Optional.empty();
    }

    /**
     * Whether the controller may warm this app's packet-in code when it starts, so that the first real
     * packet-ins run compiled: a second, throwaway instance (built like this one, with its own context)
     * then answers rehearsal packet-ins on an in-memory switch for a second or two, and is stopped. Say
     * yes only for an app whose {@link #start}, {@link #stop} and callbacks touch nothing outside the
     * instance and its context: no file, socket or thread of its own, nothing logged at INFO or above.
     * Default no: the app's code is then warmed by real traffic.
     */
    default boolean rehearsable() {
        return false;
    }

    /** Called once before the controller accepts switches. */
    default void start(AppContext context) {
    }

    /** Called once when the controller shuts down, after every switch went down. */
    default void stop() {
    }

    /**
     * A switch is ready for this controller to write to: it finished its handshake (ports known,
     * table-miss entry installed) and this controller is its MASTER (or, alone, EQUAL). With several
     * controllers a switch may come up again later, when this controller becomes its master; its
     * flow table then still holds what the previous master installed.
     */
    default void onSwitchUp(Switch sw) {
    }

    /**
     * A switch is no longer for this controller to write to: it disconnected (or was replaced by a
     * new connection with the same datapath id), or another controller became its master.
     */
    default void onSwitchDown(DatapathId dpid) {
    }

    /**
     * This controller's role towards a switch changed (with several controllers). Informational:
     * {@link #onSwitchUp} and {@link #onSwitchDown} already follow whether the app may write.
     */
    default void onRoleChanged(DatapathId dpid, Role role) {
    }

    /**
     * A packet reached the controller.
     *
     * @return {@link Verdict#HANDLED} to stop the chain, {@link Verdict#CONTINUE} to pass it on
     */
    default Verdict onPacketIn(PacketIn packetIn) {
        return Verdict.CONTINUE;
    }

    /** A port was added, removed or changed; {@link Switch#ports()} already shows the change. */
    default void onPortStatus(Switch sw, OFPortStatus status) {
    }

    /** A flow entry installed with the SEND_FLOW_REM flag was removed. */
    default void onFlowRemoved(Switch sw, OFFlowRemoved removed) {
    }

    /** The switch sent an error that does not answer a {@link Switch#request} or {@link Switch#barrier()}. */
    default void onError(Switch sw, OFErrorMsg error) {
    }
}
