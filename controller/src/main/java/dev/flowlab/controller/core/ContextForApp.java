package dev.flowlab.controller.core;

import dev.flowlab.controller.api.AppContext;
import dev.flowlab.controller.api.RestRoutes;
import dev.flowlab.controller.api.Switch;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import org.projectfloodlight.openflow.types.DatapathId;

/**
 * The {@link AppContext} one app receives in {@code start}.
 *
 * @param configFile the app's configuration file, or null when none was given
 */
public record ContextForApp(String appId, SwitchRegistry registry, ScheduledExecutorService executor, RestRoutes rest,
                            Path configFile) implements AppContext {

    @Override
    public Collection<Switch> switches() {
        return registry.writable();
    }

    @Override
    public Optional<Switch> switchById(DatapathId dpid) {
        return registry.get(dpid).filter(sw -> sw.role().writes());
    }

    @Override
    public <T> Optional<T> config(Class<T> type) {
        return configFile == null ? Optional.empty() : Optional.of(AppConfigFile.read(appId, configFile, type));
    }
}
