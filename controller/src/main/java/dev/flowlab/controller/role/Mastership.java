package dev.flowlab.controller.role;

import dev.flowlab.controller.api.Switch;
import org.projectfloodlight.openflow.types.DatapathId;

/**
 * Decides which OpenFlow role this controller claims for each switch, and with which generation id.
 * A single controller keeps {@link SingleMember}; a cluster member asks its cluster (see the
 * {@code cluster} module). Given to the controller with {@code ControllerConfig.Builder#mastership}.
 *
 * <p>The controller asks {@link #claim} when a switch connects and again, for every connected
 * switch, each time the mastership calls {@link Listener#claimsChanged()}. Where the answer differs
 * from the role the switch holds for us, the controller sends a ROLE_REQUEST (none for EQUAL on a
 * fresh connection, which is what a switch assumes). Apps see a switch "up" only while this controller
 * may write to it (MASTER or EQUAL), and "down" when it becomes SLAVE or disconnects.
 *
 * <p>Every method may be called from any of the controller's I/O threads at the same time and must
 * not block: the hooks run on the switch's I/O thread.
 */
public interface Mastership {

    /**
     * Called once by the controller, before any switch connects; the mastership calls
     * {@code listener.claimsChanged()} whenever its answer to {@link #claim} may have changed for any switch.
     */
    void start(Listener listener);

    /** The role this controller should hold for the switch now. */
    RoleClaim claim(DatapathId dpid);

    /** Who the cluster is, for {@code /api/cluster}. */
    ClusterView view();

    /** A switch finished its handshake with this controller (its first {@link #claim} was already asked). */
    default void switchConnected(DatapathId dpid) {
    }

    /** A switch's connection to this controller closed. */
    default void switchDisconnected(DatapathId dpid) {
    }

    /**
     * The switch confirmed this controller as its MASTER (ROLE_REPLY), after the apps heard
     * {@link dev.flowlab.controller.api.App#onSwitchUp}. The flow table was not wiped: bring it in line
     * with what the apps want here (flowlab's cookies name each entry's owner).
     */
    default void becameMaster(Switch sw) {
    }

    /**
     * The switch refused or withdrew a claim: it answered OFPRRFC_STALE (another controller used a newer
     * generation id), or it refused a write with OFPBRC_IS_SLAVE, or it told us another controller became
     * master. The controller now treats the switch as SLAVE until {@link #claim} says otherwise.
     *
     * @param why one line for the log and the REST view
     */
    default void claimRefused(DatapathId dpid, RoleClaim claim, String why) {
    }

    /** The controller is closing. */
    default void close() {
    }

    /** What the controller gives the mastership to hear about changes. */
    @FunctionalInterface
    interface Listener {
        /** Some claims changed: the controller asks {@link #claim} again for every connected switch. */
        void claimsChanged();
    }
}
