package dev.flowlab.controller.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The documents of a {@link dev.flowlab.controller.api.ConfigStore} and the last number used under
 * each prefix. Deterministic: the same operations in the same order give the same state and the
 * same changes on every cluster member. Not thread-safe: its owner applies one operation at a time.
 */
public final class StoreState {
    /** One key's new value; {@code json} null when the key was removed. */
    public record Change(String key, String json) {
    }

    /** What an operation answers and which keys it changed. */
    public record Outcome(Object answer, List<Change> changes) {
    }

    private final TreeMap<String, String> documents = new TreeMap<>();
    private final TreeMap<String, Long> lastNumbers = new TreeMap<>();

    /** Sets {@code key}; answers null. */
    public Outcome put(String key, String json) {
        Objects.requireNonNull(json, "json");
        documents.put(requireKey(key), json);
        return new Outcome(null, List.of(new Change(key, json)));
    }

    /** Adds under the next number of {@code prefix}; answers the number (a Long). */
    public Outcome add(String prefix, String json) {
        long number = lastNumbers.merge(requireKey(prefix), 1L, Long::sum);
        String key = prefix + number;
        documents.put(key, Objects.requireNonNull(json, "json"));
        return new Outcome(number, List.of(new Change(key, json)));
    }

    /** Adds {@code jsons} as 1..n when {@code prefix} was never used; answers whether it did (a Boolean). */
    public Outcome seed(String prefix, List<String> jsons) {
        if (lastNumbers.containsKey(requireKey(prefix))) {
            return new Outcome(false, List.of());
        }
        List<Change> changes = new ArrayList<>();
        lastNumbers.put(prefix, 0L);
        for (String json : jsons) {
            changes.addAll(add(prefix, json).changes());
        }
        return new Outcome(true, changes);
    }

    /** Removes {@code key}; answers whether it was there (a Boolean). */
    public Outcome remove(String key) {
        boolean removed = documents.remove(requireKey(key)) != null;
        return new Outcome(removed, removed ? List.of(new Change(key, null)) : List.of());
    }

    /** The documents under {@code prefix}, by key (a copy). */
    public SortedMap<String, String> list(String prefix) {
        return new TreeMap<>(documents.subMap(prefix, prefix + Character.MAX_VALUE));
    }

    /** Every document, by key (read-only view, for snapshots). */
    public Map<String, String> documents() {
        return Collections.unmodifiableMap(documents);
    }

    /** The last number used under each prefix (read-only view, for snapshots). */
    public Map<String, Long> lastNumbers() {
        return Collections.unmodifiableMap(lastNumbers);
    }

    /** Replaces the whole state (a snapshot was loaded); returns the changes key by key. */
    public List<Change> replace(Map<String, String> newDocuments, Map<String, Long> newLastNumbers) {
        List<Change> changes = new ArrayList<>();
        Set<String> keys = new TreeSet<>(documents.keySet());
        keys.addAll(newDocuments.keySet());
        for (String key : keys) {
            String before = documents.get(key);
            String after = newDocuments.get(key);
            if (!Objects.equals(before, after)) {
                changes.add(new Change(key, after));
            }
        }
        documents.clear();
        documents.putAll(newDocuments);
        lastNumbers.clear();
        lastNumbers.putAll(newLastNumbers);
        return changes;
    }

    private static String requireKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("a store key must not be empty");
        }
        return key;
    }
}
