package dev.flowlab.controller.store;

import dev.flowlab.controller.api.ConfigStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The listeners of a config store, by prefix; one that throws is logged and the others still hear the change. */
public final class StoreListeners {
    private static final Logger LOG = LoggerFactory.getLogger(StoreListeners.class);

    private record Registered(String prefix, ConfigStore.Listener listener) {
    }

    private final List<Registered> registered = new CopyOnWriteArrayList<>();

    /**
     * Tells {@code listener} the documents there now ({@code current}, under {@code prefix}), then
     * registers it for changes of keys starting with {@code prefix}. The caller holds the lock it
     * applies changes under, so none falls between the two.
     */
    public void add(String prefix, ConfigStore.Listener listener, Map<String, String> current) {
        current.forEach((key, json) -> tell(listener, prefix, key, json));
        registered.add(new Registered(prefix, listener));
    }

    /** Tells every interested listener about each change, in order. */
    public void fire(List<StoreState.Change> changes) {
        for (StoreState.Change change : changes) {
            for (Registered r : registered) {
                if (change.key().startsWith(r.prefix())) {
                    tell(r.listener(), r.prefix(), change.key(), change.json());
                }
            }
        }
    }

    private static void tell(ConfigStore.Listener listener, String prefix, String key, String json) {
        try {
            listener.changed(key, json);
        } catch (RuntimeException e) {
            LOG.warn("config store listener of '{}' threw on {}: {}", prefix, key, e.toString(), e);
        }
    }
}
