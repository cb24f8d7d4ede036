package dev.flowlab.controller.api;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.CompletableFuture;

/**
 * The configuration users change at run time (static flows, ACL rules, router config), as JSON
 * documents under string keys. One controller keeps it in memory; a cluster of controllers
 * replicates it through its consensus log, so every member applies the same changes in the same
 * order and a member that restarts catches up.
 *
 * <p>Writes complete once the change is applied on this member (its listeners have run). Reads see
 * what this member applied. Keys are paths such as {@code acl/rules/7}; a prefix such as
 * {@code acl/rules/} selects a collection. Apps use it through {@link AppContext#documents}.
 */
public interface ConfigStore {

    /** Sets {@code key} to {@code json}. */
    CompletableFuture<Void> put(String key, String json);

    /**
     * Adds {@code json} under the next number of {@code prefix} (1, 2, ...; a number is never used
     * twice, even after its document is removed); completes with that number.
     */
    CompletableFuture<Long> add(String prefix, String json);

    /**
     * Adds {@code jsons} numbered 1..n under {@code prefix} only if that prefix was never used, so
     * every member starting with the same config file seeds it once; completes with whether it did.
     */
    CompletableFuture<Boolean> seed(String prefix, List<String> jsons);

    /** Removes {@code key}; completes with whether it was there. */
    CompletableFuture<Boolean> remove(String key);

    /** The documents whose keys start with {@code prefix}, by key. */
    SortedMap<String, String> list(String prefix);

    /** The document at {@code key}. */
    default Optional<String> get(String key) {
        return Optional.ofNullable(list(key).get(key));
    }

    /**
     * Calls {@code listener} first for every document now under {@code prefix}, then for every later
     * change there, in the order applied, on the store's own thread (keep it short, never block), so
     * a listener alone can keep an app's copy of the collection. A member catching up from a snapshot
     * reports the difference key by key.
     */
    void listen(String prefix, Listener listener);

    /** Hears changes of a {@link ConfigStore}. */
    @FunctionalInterface
    interface Listener {
        /** {@code key} now holds {@code json}; null when it was removed. */
        void changed(String key, String json);
    }
}
