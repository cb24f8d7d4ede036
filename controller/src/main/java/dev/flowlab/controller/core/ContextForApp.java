package dev.flowlab.controller.core;

import dev.flowlab.controller.api.AppContext;
import dev.flowlab.controller.api.Switch;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import org.projectfloodlight.openflow.types.DatapathId;

/** The {@link AppContext} one app receives in {@code start}. */
public record ContextForApp(String appId, SwitchRegistry registry, ScheduledExecutorService executor)
        implements AppContext {

    @Override
    public Collection<Switch> switches() {
        return registry.switches();
    }

    @Override
    public Optional<Switch> switchById(DatapathId dpid) {
        return registry.get(dpid);
    }
}
