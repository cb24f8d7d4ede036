package dev.flowlab.apps.fake;

import dev.flowlab.controller.api.AppContext;
import dev.flowlab.controller.api.GroupTable;
import dev.flowlab.controller.api.MeterTable;
import dev.flowlab.controller.core.GroupsAndMeters;
import dev.flowlab.controller.api.ConfigStore;
import dev.flowlab.controller.api.Documents;
import dev.flowlab.controller.api.RestHandler;
import dev.flowlab.controller.api.RestRequest;
import dev.flowlab.controller.api.RestRoutes;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.store.JsonDocuments;
import dev.flowlab.controller.store.MemoryConfigStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.projectfloodlight.openflow.types.DatapathId;

/**
 * The context an app gets in {@code start}, for tests: the given switches, the app's config object
 * (as if read from its file), and REST routes kept so a test can call them ({@link #call}).
 */
public final class FakeContext implements AppContext {
    private final String appId;
    private final Object config;
    private final List<Switch> switches = new ArrayList<>();
    private final Map<String, RestHandler> routes = new HashMap<>();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final GroupsAndMeters tables = new GroupsAndMeters();
    private final ConfigStore store;

    public FakeContext(String appId, Object config, Switch... switches) {
        this(new MemoryConfigStore(), appId, config, switches);
    }

    /** A context over {@code store}: two contexts over one store stand for two members of a cluster. */
    public FakeContext(ConfigStore store, String appId, Object config, Switch... switches) {
        this.store = store;
        this.appId = appId;
        this.config = config;
        this.switches.addAll(List.of(switches));
    }

    /** Disconnects a switch, or stands for this controller losing mastership of it (the test then calls onSwitchDown). */
    public void remove(Switch sw) {
        switches.remove(sw);
    }

    /** Connects another switch (the test then calls the app's onSwitchUp). */
    public void add(Switch sw) {
        switches.add(sw);
    }

    /** Calls the handler registered for {@code method path} (path as registered, e.g. {@code /rules/{id}}). */
    public Object call(String method, String path, RestRequest request) {
        RestHandler handler = routes.get(method + " " + path);
        if (handler == null) {
            throw new AssertionError("no route " + method + " " + path + "; the app registered " + routes.keySet());
        }
        return handler.handle(request);
    }

    @Override
    public String appId() {
        return appId;
    }

    @Override
    public Collection<Switch> switches() {
        return List.copyOf(switches);
    }

    @Override
    public Optional<Switch> switchById(DatapathId dpid) {
        return switches.stream().filter(s -> s.id().equals(dpid)).findFirst();
    }

    /** The app's groups, on the controller's own group table (ids, owners, confirmed sends). */
    @Override
    public GroupTable groups() {
        return tables.groups(appId);
    }

    /** The app's meters, likewise. */
    @Override
    public MeterTable meters() {
        return tables.meters(appId);
    }

    @Override
    public ScheduledExecutorService executor() {
        return executor;
    }

    @Override
    public RestRoutes rest() {
        return new RestRoutes() {
            @Override
            public void get(String path, RestHandler handler) {
                routes.put("GET " + path, handler);
            }

            @Override
            public void post(String path, RestHandler handler) {
                routes.put("POST " + path, handler);
            }

            @Override
            public void put(String path, RestHandler handler) {
                routes.put("PUT " + path, handler);
            }

            @Override
            public void delete(String path, RestHandler handler) {
                routes.put("DELETE " + path, handler);
            }
        };
    }

    @Override
    public <T> Optional<T> config(Class<T> type) {
        return Optional.ofNullable(config).map(type::cast);
    }

    /** The store this app's documents live in: a controller alone's, in memory (shared to stand for a cluster's). */
    public ConfigStore store() {
        return store;
    }

    @Override
    public <T> Documents<T> documents(String collection, Class<T> type) {
        return new JsonDocuments<>(store, appId + "/" + collection + "/", type);
    }
}
