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

    /**
     * This app's group entries: add, modify and delete them with ids the controller hands out per
     * switch, so no other app or REST client collides with them.
     */
    default GroupTable groups() {
        throw new UnsupportedOperationException("this context has no group table");
    }

    /** This app's meters, with ids handed out per switch like {@link #groups()}. */
    default MeterTable meters() {
        throw new UnsupportedOperationException("this context has no meter table");
    }

    /**
     * Passes every flow entry the other apps add or modify through {@code filter} before it reaches the
     * switch (see {@link FlowFilter}); call it in {@code start}, before switches connect.
     */
    default void filterFlows(FlowFilter filter) {
        throw new UnsupportedOperationException("this context cannot filter flows");
    }

    /** Where this app adds REST endpoints, under {@code /api/<app-id>}; a sink when REST is off. */
    default RestRoutes rest() {
        return NoRestRoutes.INSTANCE;
    }

    /**
     * This app's collection {@code collection} of run-time configuration documents (rules, routes,
     * flows users add through REST): kept in memory by a controller alone, replicated to every
     * member by a cluster, so the master after a failover has them too.
     */
    default <T> Documents<T> documents(String collection, Class<T> type) {
        throw new UnsupportedOperationException("this context keeps no configuration documents");
    }

    /**
     * This app's configuration file (given as {@code --app-config <app-id>=FILE}), read into
     * {@code type}: YAML or JSON, keys lower_snake_case, unknown keys refused. Empty when no file was
     * given, so the app runs on its defaults.
     *
     * @throws IllegalArgumentException naming the file, the line and the problem
     */
    default <T> Optional<T> config(Class<T> type) {
        return Optional.empty();
    }
}
