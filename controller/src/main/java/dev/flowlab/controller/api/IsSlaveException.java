package dev.flowlab.controller.api;

import org.projectfloodlight.openflow.types.DatapathId;

/**
 * A write refused before it was sent, because this controller is SLAVE for the switch: another
 * controller of the cluster is its master, and the change belongs there (the switch itself would
 * refuse it with OFPBRC_IS_SLAVE). REST answers 409, as for any change that conflicts with who owns it.
 */
public final class IsSlaveException extends IllegalStateException {
    /** @param dpid the switch this controller is SLAVE for */
    public IsSlaveException(DatapathId dpid) {
        super("this controller is SLAVE for switch " + dpid + ": another controller is its master; send the change"
                + " there (GET /api/cluster names the leader)");
    }
}
