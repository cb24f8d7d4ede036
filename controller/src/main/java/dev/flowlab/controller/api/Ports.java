package dev.flowlab.controller.api;

import org.projectfloodlight.openflow.protocol.OFPortConfig;
import org.projectfloodlight.openflow.protocol.OFPortDesc;
import org.projectfloodlight.openflow.protocol.OFPortReason;
import org.projectfloodlight.openflow.protocol.OFPortState;
import org.projectfloodlight.openflow.protocol.OFPortStatus;

/** Reading port state the way apps need it. */
public final class Ports {
    private Ports() {
    }

    /** Whether the port can carry traffic: link up and not administratively down. */
    public static boolean isUp(OFPortDesc port) {
        return !port.getState().contains(OFPortState.LINK_DOWN)
                && !port.getConfig().contains(OFPortConfig.PORT_DOWN);
    }

    /** Whether a port status message means the port can no longer carry traffic (down or deleted). */
    public static boolean wentDown(OFPortStatus status) {
        return status.getReason() == OFPortReason.DELETE || !isUp(status.getDesc());
    }
}
