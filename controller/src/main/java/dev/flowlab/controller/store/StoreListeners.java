package dev.flowlab.controller.store;

import dev.flowlab.controller.api.ConfigStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The listeners of a config store, by prefix; one that throws is logged and the others still hear the change. */
public final class StoreListeners {
    private static final Logger LOG = LoggerFactory.getLogger(StoreListeners.class);

    private record Registered(String prefix, ConfigStore.Listener listener) {
    }

    private final List<Registered> registered = new CopyOnWriteArrayList<>();

    /** Hears changes of keys starting with {@code prefix}. */
    public void add(String prefix, ConfigStore.Listener listener) {
        registered.add(new Registered(prefix, listener));
    }

    /** Tells every interested listener about each change, in order. */
    public void fire(List<StoreState.Change> changes) {
        for (StoreState.Change change : changes) {
            for (Registered r : registered) {
                if (change.key().startsWith(r.prefix())) {
                    try {
                        r.listener().changed(change.key(), change.json());
                    } catch (RuntimeException e) {
                        LOG.warn("config store listener of '{}' threw on {}: {}", r.prefix(), change.key(), e.toString(), e);
                    }
                }
            }
        }
    }
}
