package dev.flowlab.controller.api;

/**
 * This controller's OpenFlow role towards one switch (OpenFlow 1.3 section 6.3.7). A switch gives
 * every new connection {@link #EQUAL}; with several controllers, one claims {@link #MASTER} and the
 * others {@link #SLAVE}. Apps need not check it: the controller calls {@link App#onSwitchUp} only
 * when it may write to the switch, and {@link App#onSwitchDown} when it may no longer.
 */
public enum Role {
    /** Full access; the switch demotes any other master to slave. */
    MASTER,
    /** Read-only: no packet-ins, and the switch refuses every write with OFPBRC_IS_SLAVE. */
    SLAVE,
    /** Full access, shared with other equal controllers: what a switch assumes until told otherwise. */
    EQUAL;

    /** Whether a controller in this role may change the switch (flow-mods, packet-outs, port-mods). */
    public boolean writes() {
        return this != SLAVE;
    }
}
