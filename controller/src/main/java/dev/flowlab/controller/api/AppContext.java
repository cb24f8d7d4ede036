package dev.flowlab.controller.api;

import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.U64;

/** What the controller offers an app when it starts. */
public interface AppContext {

    /** This app's id, as given to {@code --apps} (for example {@code learning-switch}). */
    String appId();

    /** The cookie for this app's flow entries: {@code Flows.cookie(appId())}. */
    default U64 cookie() {
        return Flows.cookie(appId());
    }

    /** Switches that finished their handshake, at the moment of the call. */
    Collection<Switch> switches();

    /** The connected switch with this datapath id, if any. */
    Optional<Switch> switchById(DatapathId dpid);

    /** Runs blocking or periodic work off the switches' I/O threads; shared by all apps. */
    ScheduledExecutorService executor();
}
