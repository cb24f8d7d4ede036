package dev.flowlab.controller.api;

import java.util.Objects;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.OFPort;

/**
 * One port of one switch: an end of a {@link Link}, or where a host attaches.
 *
 * @param dpid the switch's datapath id
 * @param port the port number on that switch
 */
public record SwitchPort(DatapathId dpid, OFPort port) {
    public SwitchPort {
        Objects.requireNonNull(dpid, "dpid");
        Objects.requireNonNull(port, "port");
    }

    @Override
    public String toString() {
        return dpid + "/" + port;
    }
}
