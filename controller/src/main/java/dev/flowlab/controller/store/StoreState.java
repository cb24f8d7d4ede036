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
 *
 * <p>Bounded: REST clients write here (static flows, ACL rules, ...), and without a bound one client
 * could fill every member's heap and its snapshots. A write that would pass {@link Limits} is refused
 * whole, with {@link IllegalArgumentException} (REST answers 400), and changes nothing; the bound is
 * part of the state's rules, so every member refuses the same write.
 */
public final class StoreState {
    /**
     * How much the store holds at most.
     *
     * @param documents  the number of documents
     * @param characters the characters of all keys and documents together
     */
    public record Limits(int documents, long characters) {
        /** Far above any lab's configuration, far below a heap: 100,000 documents, 32 Mi characters. */
        public static final Limits DEFAULT = new Limits(100_000, 32L << 20);
    }


    /** One key's new value; {@code json} null when the key was removed. */
    public record Change(String key, String json) {
    }

    /** What an operation answers and which keys it changed. */
    public record Outcome(Object answer, List<Change> changes) {
    }

    private final TreeMap<String, String> documents = new TreeMap<>();
    private final TreeMap<String, Long> lastNumbers = new TreeMap<>();
    private final Limits limits;
    private long characters;   // of every key and document now held

    /** A store bounded by {@link Limits#DEFAULT}. */
    public StoreState() {
        this(Limits.DEFAULT);
    }

    public StoreState(Limits limits) {
        this.limits = limits;
    }

    /** Sets {@code key}; answers null. */
    public Outcome put(String key, String json) {
        Objects.requireNonNull(json, "json");
        String before = documents.get(requireKey(key));
        admit(before == null ? 1 : 0, size(key, json) - (before == null ? 0 : size(key, before)));
        store(key, json);
        return new Outcome(null, List.of(new Change(key, json)));
    }

    /** Adds under the next number of {@code prefix}; answers the number (a Long). */
    public Outcome add(String prefix, String json) {
        Objects.requireNonNull(json, "json");
        String key = requireKey(prefix) + (lastNumbers.getOrDefault(prefix, 0L) + 1);
        admit(1, size(key, json));
        long number = lastNumbers.merge(prefix, 1L, Long::sum);
        store(key, json);
        return new Outcome(number, List.of(new Change(key, json)));
    }

    /** Adds {@code jsons} as 1..n when {@code prefix} was never used; answers whether it did (a Boolean). */
    public Outcome seed(String prefix, List<String> jsons) {
        if (lastNumbers.containsKey(requireKey(prefix))) {
            return new Outcome(false, List.of());
        }
        long added = 0;
        for (int i = 0; i < jsons.size(); i++) {   // all or nothing: a seed cut short would never be completed
            added += size(prefix + (i + 1), Objects.requireNonNull(jsons.get(i), "json"));
        }
        admit(jsons.size(), added);
        List<Change> changes = new ArrayList<>();
        lastNumbers.put(prefix, 0L);
        for (String json : jsons) {
            changes.addAll(add(prefix, json).changes());
        }
        return new Outcome(true, changes);
    }

    /** Removes {@code key}; answers whether it was there (a Boolean). */
    public Outcome remove(String key) {
        String removedJson = documents.remove(requireKey(key));
        boolean removed = removedJson != null;
        if (removed) {
            characters -= size(key, removedJson);
        }
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
        characters = 0;   // a snapshot is taken as it is: every member applied the writes that made it
        documents.forEach((key, json) -> characters += size(key, json));
        lastNumbers.clear();
        lastNumbers.putAll(newLastNumbers);
        return changes;
    }

    private void store(String key, String json) {
        String before = documents.put(key, json);
        characters += size(key, json) - (before == null ? 0 : size(key, before));
    }

    /** Refuses a write that would add {@code moreDocuments} and {@code moreCharacters} beyond the limits. */
    private void admit(int moreDocuments, long moreCharacters) {
        if (documents.size() + (long) moreDocuments > limits.documents()
                || characters + moreCharacters > limits.characters()) {
            throw new IllegalArgumentException("the configuration store is full (" + documents.size() + " documents, "
                    + characters + " characters; at most " + limits.documents() + " and " + limits.characters()
                    + "): remove documents before adding more");
        }
    }

    private static long size(String key, String json) {
        return (long) key.length() + json.length();
    }

    private static String requireKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("a store key must not be empty");
        }
        return key;
    }
}
