package dev.flowlab.controller.api;

import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.CompletableFuture;

/**
 * One app's collection of configuration documents of one type in the {@link ConfigStore}, for
 * example the acl's rules: numbered as added, replicated in a cluster. Documents are written as JSON
 * with lower_snake_case keys, as REST bodies and config files are.
 *
 * @param <T> the document type (a record Jackson reads and writes)
 */
public interface Documents<T> {

    /** Adds a document under the next number; completes with the number once applied here. */
    CompletableFuture<Long> add(T document);

    /** Sets the document named {@code name} (a number or any word). */
    CompletableFuture<Void> put(String name, T document);

    /** Removes the document named {@code name}; completes with whether it was there. */
    CompletableFuture<Boolean> remove(String name);

    /** Adds these documents as 1..n unless the collection was ever written (first start of the cluster). */
    CompletableFuture<Boolean> seed(List<T> documents);

    /** Every document, by name, in name order. */
    SortedMap<String, T> all();

    /**
     * Calls {@code listener} for every document there now, then for every later change, on the
     * store's thread (see {@link ConfigStore#listen}).
     */
    void listen(Listener<T> listener);

    /** Hears a collection change. */
    @FunctionalInterface
    interface Listener<T> {
        /** The document named {@code name} is now {@code document}; null when removed. */
        void changed(String name, T document);
    }
}
