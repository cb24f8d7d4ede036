package dev.flowlab.controller.store;

import dev.flowlab.controller.api.ConfigStore;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The configuration store of a controller that runs alone: in memory, gone when it stops (the
 * config files are read again at the next start). Listeners run on the writer's thread, in order.
 */
public final class MemoryConfigStore implements ConfigStore {
    private final StoreState state;
    private final StoreListeners listeners = new StoreListeners();

    /** A store bounded by {@link StoreState.Limits#DEFAULT}. */
    public MemoryConfigStore() {
        this(StoreState.Limits.DEFAULT);
    }

    public MemoryConfigStore(StoreState.Limits limits) {
        this.state = new StoreState(limits);
    }

    @Override
    public CompletableFuture<Void> put(String key, String json) {
        return apply(() -> state.put(key, json)).thenApply(answer -> null);
    }

    @Override
    public CompletableFuture<Long> add(String prefix, String json) {
        return apply(() -> state.add(prefix, json)).thenApply(Long.class::cast);
    }

    @Override
    public CompletableFuture<Boolean> seed(String prefix, List<String> jsons) {
        return apply(() -> state.seed(prefix, jsons)).thenApply(Boolean.class::cast);
    }

    @Override
    public CompletableFuture<Boolean> remove(String key) {
        return apply(() -> state.remove(key)).thenApply(Boolean.class::cast);
    }

    @Override
    public synchronized SortedMap<String, String> list(String prefix) {
        return state.list(prefix);
    }

    @Override
    public synchronized void listen(String prefix, Listener listener) {
        listeners.add(prefix, listener, state.list(prefix));
    }

    private synchronized CompletableFuture<Object> apply(Supplier<StoreState.Outcome> operation) {
        try {
            StoreState.Outcome outcome = operation.get();
            listeners.fire(outcome.changes());
            return CompletableFuture.completedFuture(outcome.answer());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
