package dev.flowlab.controller.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.flowlab.controller.api.ConfigStore;
import dev.flowlab.controller.api.Documents;
import dev.flowlab.controller.core.JsonMapping;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * An app's typed collection under {@code <app-id>/<collection>/} of a {@link ConfigStore}: documents
 * written and read as JSON with the REST API's mapping (lower_snake_case keys).
 */
public final class JsonDocuments<T> implements Documents<T> {
    private final ConfigStore store;
    private final String prefix;
    private final Class<T> type;

    /** The collection of {@code type} documents whose keys start with {@code prefix}. */
    public JsonDocuments(ConfigStore store, String prefix, Class<T> type) {
        this.store = store;
        this.prefix = prefix;
        this.type = type;
    }

    @Override
    public CompletableFuture<Long> add(T document) {
        return store.add(prefix, write(document));
    }

    @Override
    public CompletableFuture<Void> put(String name, T document) {
        return store.put(prefix + name, write(document));
    }

    @Override
    public CompletableFuture<Boolean> remove(String name) {
        return store.remove(prefix + name);
    }

    @Override
    public CompletableFuture<Boolean> seed(List<T> documents) {
        return store.seed(prefix, documents.stream().map(this::write).toList());
    }

    @Override
    public SortedMap<String, T> all() {
        SortedMap<String, T> all = new TreeMap<>();
        store.list(prefix).forEach((key, json) -> all.put(key.substring(prefix.length()), read(json)));
        return all;
    }

    @Override
    public void listen(Listener<T> listener) {
        store.listen(prefix, (key, json) -> listener.changed(key.substring(prefix.length()), json == null ? null : read(json)));
    }

    private String write(T document) {
        try {
            return JsonMapping.json().writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + type.getSimpleName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private T read(String json) {
        try {
            return JsonMapping.json().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " under " + prefix + " is not readable: "
                    + JsonMapping.describe(e), e);
        }
    }
}
