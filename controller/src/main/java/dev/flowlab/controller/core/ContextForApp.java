package dev.flowlab.controller.core;

import dev.flowlab.controller.api.AppContext;
import dev.flowlab.controller.api.ConfigStore;
import dev.flowlab.controller.api.Documents;
import dev.flowlab.controller.api.FlowFilter;
import dev.flowlab.controller.api.GroupTable;
import dev.flowlab.controller.api.MeterTable;
import dev.flowlab.controller.api.RestRoutes;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.store.JsonDocuments;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import org.projectfloodlight.openflow.types.DatapathId;

/**
 * The {@link AppContext} one app receives in {@code start}.
 *
 * @param configFile the app's configuration file, or null when none was given
 * @param store      where the app's run-time configuration documents live
 * @param tables     the controller's group and meter tables, seen here as this app's
 */
public record ContextForApp(String appId, SwitchRegistry registry, ScheduledExecutorService executor, RestRoutes rest,
                            Path configFile, ConfigStore store, GroupsAndMeters tables) implements AppContext {

    @Override
    public Collection<Switch> switches() {
        return registry.writable();
    }

    @Override
    public Optional<Switch> switchById(DatapathId dpid) {
        return registry.get(dpid).filter(sw -> sw.role().writes());
    }

    @Override
    public void filterFlows(FlowFilter filter) {
        registry.flowFilters().add(cookie(), filter);
    }

    @Override
    public GroupTable groups() {
        return tables.groups(appId);
    }

    @Override
    public MeterTable meters() {
        return tables.meters(appId);
    }

    @Override
    public <T> Documents<T> documents(String collection, Class<T> type) {
        return new JsonDocuments<>(store, appId + "/" + collection + "/", type);
    }

    @Override
    public <T> Optional<T> config(Class<T> type) {
        return configFile == null ? Optional.empty() : Optional.of(AppConfigFile.read(appId, configFile, type));
    }
}
