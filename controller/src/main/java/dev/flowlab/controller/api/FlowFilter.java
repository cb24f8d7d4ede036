package dev.flowlab.controller.api;

import org.projectfloodlight.openflow.protocol.OFFlowMod;

/**
 * Changes the flow entries other apps add or modify, on their way to a switch: how one app adds to what
 * another installs without either knowing the other. The {@code qos} app puts the entries of rate-limited
 * hosts through a meter this way, whichever forwarding app makes them. Registered with
 * {@link AppContext#filterFlows}; the filter never sees its own app's entries. It runs on the sender's
 * thread (often a switch's I/O thread): no blocking.
 */
@FunctionalInterface
public interface FlowFilter {

    /**
     * The flow-mod (an add or a modify) as it should reach {@code sw}: {@code mod} itself when there is
     * nothing to change.
     */
    OFFlowMod filter(Switch sw, OFFlowMod mod);
}
