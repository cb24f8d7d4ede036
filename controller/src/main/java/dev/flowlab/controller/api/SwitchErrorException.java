package dev.flowlab.controller.api;

import org.projectfloodlight.openflow.protocol.OFErrorMsg;
import org.projectfloodlight.openflow.types.DatapathId;

/** A switch answered a request with an OpenFlow error message. */
public final class SwitchErrorException extends RuntimeException {
    private final transient OFErrorMsg error;

    /** @param dpid the switch that answered; @param error its error message */
    public SwitchErrorException(DatapathId dpid, OFErrorMsg error) {
        super("switch " + dpid + " answered with error " + error.getErrType());
        this.error = error;
    }

    /** The error message the switch sent. */
    public OFErrorMsg error() {
        return error;
    }
}
