package dev.flowlab.controller.api;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BinaryOperator;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A table with a size cap whose entries age out, like Open vSwitch's MAC learning table (8192
 * entries, 300 s): an entry not seen for the ageing time is gone, and when the table is full an
 * entry seen long ago makes room (logged once per table, at WARN). Whatever a sender does, the
 * table never holds more than its cap.
 *
 * <p>Making room is a second-chance (CLOCK) walk over the entries in the order they were queued: an
 * entry seen since it was queued goes to the back once, the first one that was not leaves. At most
 * {@link #MAX_CHANCES} entries get that second chance per eviction, then the head leaves anyway, so
 * one eviction looks at a bounded number of entries even when every entry was seen a moment ago (a
 * full table under a MAC flood, or more hosts than the cap cycling); entries replaced since they were
 * queued are skipped, each once, paid for by the write that replaced them. A full table therefore
 * costs O(1) amortised per new key, and an access-ordered list (which would need a lock on every
 * sighting) is not needed.
 *
 * <p>Thread-safe. Reads and {@link #refresh} take no lock and allocate nothing (the packet-in path
 * of a known sender); a new key or a changed value takes the table's own lock. Ages are read from an
 * injected clock, so tests move time instead of sleeping.
 *
 * @param <K> what is learnt (a MAC address)
 * @param <V> what is known about it (a port, a host)
 */
public final class AgeingTable<K, V> {
    /** Open vSwitch's default {@code other_config:mac-table-size}. */
    public static final int DEFAULT_SIZE = 8192;
    /** Open vSwitch's default {@code other_config:mac-aging-time}. */
    public static final Duration DEFAULT_AGEING = Duration.ofSeconds(300);

    /** Entries seen since they were queued that one eviction sends to the back before the head leaves regardless. */
    static final int MAX_CHANCES = 8;

    private static final Logger LOG = LoggerFactory.getLogger(AgeingTable.class);

    private final String name;
    private final int capacity;
    private final long ageingNanos;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<K, Entry<K, V>> entries = new ConcurrentHashMap<>();
    /** Entries by the time they were queued, oldest first; replaced entries stay until popped. Guarded by this. */
    private final ArrayDeque<Entry<K, V>> queue = new ArrayDeque<>();
    private boolean toldFull;
    /** Queued entries looked at while expiring, evicting and compacting: the cost of the locked path. Guarded by this. */
    private long examined;

    private static final class Entry<K, V> {
        final K key;
        volatile V value;
        volatile long seen;
        long queued;

        Entry(K key, V value, long now) {
            this.key = key;
            this.value = value;
            this.seen = now;
            this.queued = now;
        }
    }

    /**
     * What a {@link #merge} did.
     *
     * @param before  the live value before, or null if the key was new (or had aged out)
     * @param after   the value now
     * @param removed values that left the table meanwhile: evicted for room, aged out, or the key's
     *                own aged-out value
     */
    public record Change<V>(V before, V after, List<V> removed) {
    }

    /**
     * An empty table.
     *
     * @param name      what the table is, for the one log line when it fills up, with the setting that
     *                  raises the cap (for example {@code "MAC table of switch 1 (mac_table_size)"})
     * @param capacity  the most entries it holds (at least 1)
     * @param ageing    an entry not seen for this long is gone (positive)
     * @param nanoClock the time in nanoseconds, {@link System#nanoTime} outside tests
     */
    public AgeingTable(String name, int capacity, Duration ageing, LongSupplier nanoClock) {
        if (capacity < 1) {
            throw new IllegalArgumentException(name + ": size " + capacity + " must be at least 1");
        }
        if (ageing.isNegative() || ageing.isZero()) {
            throw new IllegalArgumentException(name + ": ageing time " + ageing + " must be positive");
        }
        this.name = name;
        this.capacity = capacity;
        this.ageingNanos = ageing.toNanos();
        this.nanoClock = nanoClock;
    }

    /** The live value of {@code key}, if it was seen within the ageing time. */
    public Optional<V> get(K key) {
        Entry<K, V> e = entries.get(key);
        return e == null || aged(e, nanoClock.getAsLong()) ? Optional.empty() : Optional.of(e.value);
    }

    /**
     * Records that {@code key} was seen again, keeping its value, and returns that value; null if it is
     * not in the table (then {@link #merge} or {@link #put} it). No lock, no allocation: the packet-in
     * path of a known sender calls this and stops when the value is what it would have written.
     */
    public V refresh(K key) {
        Entry<K, V> e = entries.get(key);
        if (e == null) {
            return null;
        }
        long now = nanoClock.getAsLong();
        if (aged(e, now)) {
            return null;
        }
        e.seen = now;
        return e.value;
    }

    /** Records that {@code key} was seen with {@code value}, replacing what was there. */
    public Change<V> put(K key, V value) {
        return merge(key, value, (old, given) -> given);
    }

    /**
     * Records that {@code key} was seen: {@code value} if it was not in the table, otherwise
     * {@code combine(old, value)}. Seeing it again with an equal value takes no lock.
     */
    public Change<V> merge(K key, V value, BinaryOperator<V> combine) {
        Entry<K, V> e = entries.get(key);
        long now = nanoClock.getAsLong();
        if (e != null && !aged(e, now) && e.value.equals(value)) {
            e.seen = now;
            return new Change<>(e.value, e.value, List.of());
        }
        synchronized (this) {
            List<V> removed = new ArrayList<>(0);
            expire(now, removed);
            Entry<K, V> old = entries.get(key);
            V before = old == null || aged(old, now) ? null : old.value;
            if (old != null && before == null) {
                removed.add(old.value);
            }
            V after = before == null ? value : combine.apply(before, value);
            Entry<K, V> entry = new Entry<>(key, after, now);
            entries.put(key, entry);
            queue.addLast(entry);
            while (entries.size() > capacity) {
                evictOldest(now, removed);
            }
            if (queue.size() > 2 * capacity) {
                examined += queue.size();
                queue.removeIf(q -> entries.get(q.key) != q);   // drop replaced entries now and then: O(1) amortised
            }
            return new Change<>(before, after, removed);
        }
    }

    /** Changes the value of {@code key}, if it is in the table, without counting as a sighting (its age stays). */
    public synchronized void update(K key, UnaryOperator<V> change) {
        Entry<K, V> e = entries.get(key);
        if (e != null) {
            e.value = change.apply(e.value);
        }
    }

    /** Removes every entry whose value matches; returns their values. */
    public synchronized List<V> removeIf(Predicate<V> match) {
        List<V> removed = new ArrayList<>();
        for (Entry<K, V> e : entries.values()) {
            if (match.test(e.value) && entries.remove(e.key, e)) {
                removed.add(e.value);
            }
        }
        return removed;
    }

    /** Removes the entries not seen for the ageing time; returns their values. */
    public synchronized List<V> expire() {
        List<V> removed = new ArrayList<>();
        expire(nanoClock.getAsLong(), removed);
        return removed;
    }

    /** The live values, at the moment of the call. */
    public List<V> values() {
        long now = nanoClock.getAsLong();
        return entries.values().stream().filter(e -> !aged(e, now)).map(e -> e.value).toList();
    }

    /** Entries held, aged ones not yet removed included; never more than the cap. */
    public int size() {
        return entries.size();
    }

    /** The most entries the table holds. */
    public int capacity() {
        return capacity;
    }

    private boolean aged(Entry<K, V> e, long now) {
        return now - e.seen >= ageingNanos;
    }

    /** Pops queued entries due for a look; an entry seen since it was queued goes to the back instead. */
    private void expire(long now, List<V> removed) {
        Entry<K, V> head;
        while ((head = queue.peekFirst()) != null && now - head.queued >= ageingNanos) {
            queue.removeFirst();
            examined++;
            if (entries.get(head.key) != head) {
                continue;   // replaced since
            }
            if (aged(head, now)) {
                entries.remove(head.key, head);
                removed.add(head.value);
            } else {
                requeue(head);
            }
        }
    }

    /**
     * Evicts one entry: the first queued one not seen since it was queued, after at most
     * {@link #MAX_CHANCES} that were have gone to the back (then the head leaves regardless).
     */
    private void evictOldest(long now, List<V> removed) {
        if (!toldFull) {
            toldFull = true;
            LOG.warn("{} is full ({} entries): the entries seen longest ago make room from now on", name, capacity);
        }
        int chances = MAX_CHANCES;
        while (true) {
            Entry<K, V> head = queue.removeFirst();   // never empty here: every entry in the map is queued
            examined++;
            if (entries.get(head.key) != head) {
                continue;   // replaced since
            }
            if (chances > 0 && head.seen - head.queued > 0 && !aged(head, now)) {
                chances--;
                requeue(head);
                continue;
            }
            entries.remove(head.key, head);
            removed.add(head.value);
            return;
        }
    }

    /** Queued entries looked at so far by expiry, eviction and compaction (for tests of what a full table costs). */
    synchronized long entriesExamined() {
        return examined;
    }

    private void requeue(Entry<K, V> e) {
        e.queued = e.seen;
        queue.addLast(e);
    }
}
