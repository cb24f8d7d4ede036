package dev.flowlab.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.flowlab.controller.store.StoreState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * What every member rebuilds from the log, the same on each: the configuration store's documents,
 * the last generation id handed out and the member holding it (the master). Not thread-safe: the
 * state machine applies one entry at a time and reads under its own lock.
 */
public final class ClusterState {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /**
     * What applying one entry did.
     *
     * @param answer  for the writer: null, a number added, or whether a seed or remove happened
     * @param changes the configuration keys it changed, in order
     * @param claimed whether it was a mastership claim (then {@link #master()} and {@link #generation()} changed)
     */
    public record Applied(Object answer, List<StoreState.Change> changes, boolean claimed) {
    }

    /** The state as a snapshot file holds it. */
    record Snapshot(Map<String, String> documents, Map<String, Long> lastNumbers, long generation, String master) {
    }

    private final StoreState store = new StoreState();
    private long generation;
    private String master;

    /** Applies one log entry. A claim hands out the next generation id: strictly increasing, never reused. */
    public Applied apply(Command command) {
        StoreState.Outcome outcome = switch (command.op()) {
            case PUT -> store.put(command.key(), command.json());
            case ADD -> store.add(command.key(), command.json());
            case SEED -> store.seed(command.key(), command.jsons());
            case REMOVE -> store.remove(command.key());
            case CLAIM -> {
                generation++;
                master = command.member();
                yield new StoreState.Outcome(generation, List.of());
            }
        };
        return new Applied(outcome.answer(), outcome.changes(), command.op() == Command.Op.CLAIM);
    }

    /** The last generation id handed out (0: none yet). */
    public long generation() {
        return generation;
    }

    /** The member that claimed {@link #generation()}, or null before the first claim. */
    public String master() {
        return master;
    }

    /** The documents under {@code prefix}. */
    public SortedMap<String, String> list(String prefix) {
        return store.list(prefix);
    }

    /** The whole state as JSON (a snapshot file's content). */
    public byte[] toBytes() {
        try {
            return JSON.writeValueAsBytes(new Snapshot(store.documents(), store.lastNumbers(), generation, master));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the state with a snapshot's; returns the configuration keys that differ, for listeners. */
    public List<StoreState.Change> restore(byte[] bytes) {
        Snapshot s;
        try {
            s = JSON.readValue(bytes, Snapshot.class);
        } catch (IOException e) {
            throw new IllegalStateException("cluster snapshot is not readable: " + e.getMessage(), e);
        }
        generation = s.generation();
        master = s.master();
        return store.replace(s.documents() == null ? Map.of() : s.documents(),
                s.lastNumbers() == null ? Map.of() : s.lastNumbers());
    }
}
