package dev.flowlab.controller.core;

import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.api.SwitchErrorException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFMessage;
import org.projectfloodlight.openflow.types.DatapathId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One kind of numbered switch entry (groups, or meters) on every switch: which owner (an app id, or
 * {@code rest}) holds which id, and the confirmed sends that change them. Ids are handed out lowest
 * free first, per switch.
 *
 * <p>What the switch already holds when a connection first uses this table (left by an earlier
 * controller run, or by {@code ovs-ofctl}) is read from the switch before the first change, and
 * recorded as {@link #UNKNOWN}'s: never handed out, deletable by anyone. Across a reconnect of the same
 * datapath id the owners are kept for the ids the switch still has. Changes wait for that reading, so
 * they go out in the order they were asked for.
 *
 * <p>Bounded whatever datapath ids peers make up: when a connection first uses the table, the tables of
 * disconnected switches are dropped where they record no owner (a reconnect reads the switch again
 * anyway), and beyond {@link #KEPT_GONE} of them, those of the oldest connections.
 */
public final class OwnedEntries {
    /** The owner of entries that were on the switch before this controller made any. */
    public static final String UNKNOWN = "unknown";
    private static final Logger LOG = LoggerFactory.getLogger(OwnedEntries.class);
    /** How many disconnected switches keep their owners for a reconnect. */
    public static final int KEPT_GONE = 1024;
    /** An id taken behind our back (found when the switch says it exists) is skipped this many times. */
    private static final int RETRIES = 3;

    private final String noun;
    private final long firstId;
    private final long maxId;
    private final Consumer<OFFactory> require;
    private final Function<Switch, CompletableFuture<Set<Long>>> present;
    private final Predicate<SwitchErrorException> exists;
    private final BiFunction<OFFactory, Long, OFMessage> deleteMessage;
    private final Map<DatapathId, SwitchIds> switches = new ConcurrentHashMap<>();
    private final AtomicLong connections = new AtomicLong();   // numbers tables in the order they were made

    /**
     * @param noun     {@code group} or {@code meter}, for messages
     * @param require  throws {@link UnsupportedOperationException} for a switch version without this kind
     * @param present  reads the ids the switch holds
     * @param exists   whether an add failed because the id was already taken on the switch
     * @param deleteMessage the delete of one id
     */
    public OwnedEntries(String noun, long firstId, long maxId, Consumer<OFFactory> require,
                        Function<Switch, CompletableFuture<Set<Long>>> present, Predicate<SwitchErrorException> exists,
                        BiFunction<OFFactory, Long, OFMessage> deleteMessage) {
        this.noun = noun;
        this.firstId = firstId;
        this.maxId = maxId;
        this.require = require;
        this.present = present;
        this.exists = exists;
        this.deleteMessage = deleteMessage;
    }

    /** The ids, owners and reading of one switch connection. */
    private static final class SwitchIds {
        final Switch handle;
        final TreeMap<Long, String> owners;   // guarded by itself
        final CompletableFuture<Void> ready;
        final long made;

        SwitchIds(Switch handle, TreeMap<Long, String> owners, CompletableFuture<Void> ready, long made) {
            this.handle = handle;
            this.owners = owners;
            this.ready = ready;
            this.made = made;
        }

        boolean ownsAny() {
            synchronized (owners) {
                return owners.values().stream().anyMatch(owner -> !owner.equals(UNKNOWN));
            }
        }
    }

    /**
     * Adds an entry: with {@code wanted} as its id (refused when taken), or else the lowest free one.
     * Completes with the id once the switch confirmed the add.
     *
     * @throws IllegalArgumentException (at once) when the message would not fit in an OpenFlow message
     *
     * @param message the add message for an id
     */
    public CompletableFuture<Long> add(Switch sw, String owner, OptionalLong wanted, LongFunction<OFMessage> message) {
        require.accept(sw.factory());
        wanted.ifPresent(this::checkRange);
        MessageSize.check(message.apply(wanted.orElse(firstId)), "the " + noun);   // errors now, on the caller's thread
        SwitchIds ids = of(sw);
        return ids.ready.thenCompose(v -> addAttempt(sw, ids, owner, wanted, message, RETRIES));
    }

    private CompletableFuture<Long> addAttempt(Switch sw, SwitchIds ids, String owner, OptionalLong wanted,
                                               LongFunction<OFMessage> message, int retries) {
        long id = claim(sw, ids, owner, wanted);
        return sw.sendConfirmed(message.apply(id)).handle((ok, failure) -> {
            if (failure == null) {
                return CompletableFuture.completedFuture(id);
            }
            Throwable cause = failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure;
            boolean takenBehindUs = cause instanceof SwitchErrorException e && exists.test(e);
            synchronized (ids.owners) {
                if (takenBehindUs) {
                    ids.owners.put(id, UNKNOWN);
                } else {
                    ids.owners.remove(id, owner);
                }
            }
            if (takenBehindUs && wanted.isEmpty() && retries > 0) {
                return addAttempt(sw, ids, owner, wanted, message, retries - 1);
            }
            return CompletableFuture.<Long>failedFuture(cause);
        }).thenCompose(f -> f);
    }

    private long claim(Switch sw, SwitchIds ids, String owner, OptionalLong wanted) {
        synchronized (ids.owners) {
            long id;
            if (wanted.isPresent()) {
                id = wanted.getAsLong();
                String holder = ids.owners.get(id);
                if (holder != null) {
                    throw new OwnershipException(409, noun + " " + id + " on switch " + sw.id() + " exists (owner "
                            + holder + "); leave the id out to get a free one");
                }
            } else {
                id = Math.max(firstId, 1);   // 0, where allowed, only when asked for: people count from 1
                for (long taken : ids.owners.keySet()) {   // sorted: the first gap is the lowest free id
                    if (taken > id) {
                        break;
                    }
                    if (taken == id) {
                        id++;
                    }
                }
                if (id > maxId) {
                    throw new IllegalStateException("switch " + sw.id() + " has no free " + noun + " id left");
                }
            }
            ids.owners.put(id, owner);
            return id;
        }
    }

    /** Sends {@code message} (a modify) for one of {@code owner}'s entries. */
    public CompletableFuture<Void> modify(Switch sw, String owner, long id, OFMessage message) {
        require.accept(sw.factory());
        MessageSize.check(message, "the " + noun);
        SwitchIds ids = of(sw);
        return ids.ready.thenCompose(v -> {
            checkOwner(sw, ids, owner, id, false);
            return sw.sendConfirmed(message);
        });
    }

    /** Deletes one of {@code owner}'s entries, or one of {@link #UNKNOWN}'s. */
    public CompletableFuture<Void> delete(Switch sw, String owner, long id) {
        require.accept(sw.factory());
        OFMessage message = deleteMessage.apply(sw.factory(), id);
        SwitchIds ids = of(sw);
        return ids.ready.thenCompose(v -> {
            checkOwner(sw, ids, owner, id, true);
            return sw.sendConfirmed(message).thenRun(() -> {
                synchronized (ids.owners) {
                    ids.owners.remove(id);
                }
            });
        });
    }

    /** Deletes every entry of {@code owner}; completes with how many there were. */
    public CompletableFuture<Integer> deleteAll(Switch sw, String owner) {
        require.accept(sw.factory());
        SwitchIds ids = of(sw);
        return ids.ready.thenCompose(v -> {
            List<Long> mine = idsOf(ids, owner);
            CompletableFuture<?>[] deletes = mine.stream()
                    .map(id -> delete(sw, owner, id))
                    .toArray(CompletableFuture[]::new);
            return CompletableFuture.allOf(deletes).thenApply(done -> mine.size());
        });
    }

    /** The ids {@code owner} holds on the switch now. */
    public Set<Long> ids(Switch sw, String owner) {
        SwitchIds ids = switches.get(sw.id());
        return ids == null ? Set.of() : Set.copyOf(idsOf(ids, owner));
    }

    /** Every id of the switch with its owner, once the switch's existing entries were read. */
    public CompletableFuture<Map<Long, String>> owners(Switch sw) {
        require.accept(sw.factory());
        SwitchIds ids = of(sw);
        return ids.ready.thenApply(v -> {
            synchronized (ids.owners) {
                return Map.copyOf(ids.owners);
            }
        });
    }

    /** @throws IllegalArgumentException for an id outside what OpenFlow allows for this kind */
    public void checkRange(long id) {
        if (id < firstId || id > maxId) {
            throw new IllegalArgumentException(noun + " id " + id + " is out of range " + firstId + "-" + maxId);
        }
    }

    private static List<Long> idsOf(SwitchIds ids, String owner) {
        synchronized (ids.owners) {
            return ids.owners.entrySet().stream().filter(e -> e.getValue().equals(owner)).map(Map.Entry::getKey).toList();
        }
    }

    private void checkOwner(Switch sw, SwitchIds ids, String owner, long id, boolean unknownToo) {
        String holder;
        synchronized (ids.owners) {
            holder = ids.owners.get(id);
        }
        if (holder == null) {
            throw new OwnershipException(404, "switch " + sw.id() + " has no " + noun + " " + id);
        }
        if (!holder.equals(owner) && !(unknownToo && holder.equals(UNKNOWN))) {
            throw new OwnershipException(409, noun + " " + id + " on switch " + sw.id() + " belongs to " + holder
                    + ", not to " + owner);
        }
    }

    /** The table of this connection: a new connection keeps the owners of what its switch still holds. */
    private SwitchIds of(Switch sw) {
        SwitchIds known = switches.get(sw.id());
        if (known != null && known.handle == sw) {
            return known;
        }
        SwitchIds made = switches.compute(sw.id(), (dpid, before) -> {
            if (before != null && before.handle == sw) {
                return before;
            }
            return table(sw, before);
        });
        forgetGone();
        return made;
    }

    /** Drops the tables of disconnected switches that record no owner, and the oldest beyond {@link #KEPT_GONE}. */
    private void forgetGone() {
        List<Map.Entry<DatapathId, SwitchIds>> gone = switches.entrySet().stream()
                .filter(e -> !e.getValue().handle.isConnected())
                .sorted(Comparator.comparingLong(e -> e.getValue().made))
                .toList();
        int left = gone.size();
        for (Map.Entry<DatapathId, SwitchIds> e : gone) {
            if (left > KEPT_GONE || !e.getValue().ownsAny()) {
                switches.remove(e.getKey(), e.getValue());
                left--;
            }
        }
    }

    /** How many switches this table holds ids for (connected ones and those kept for a reconnect). */
    public int tracked() {
        return switches.size();
    }

    /** A new connection's table: the owners {@code known} from the switch's previous one, for the ids it still has. */
    private SwitchIds table(Switch sw, SwitchIds known) {
        DatapathId dpid = sw.id();
        TreeMap<Long, String> owners = new TreeMap<>();
        if (known != null) {
            synchronized (known.owners) {
                owners.putAll(known.owners);
            }
        }
        CompletableFuture<Void> ready = present.apply(sw).exceptionally(e -> {
            LOG.debug("dpid={} did not list its {}s ({}); assuming none", dpid, noun, e.toString());
            return Set.of();
        }).thenAccept(onSwitch -> {
            synchronized (owners) {
                owners.keySet().retainAll(onSwitch);
                onSwitch.forEach(id -> owners.putIfAbsent(id, UNKNOWN));
            }
        });
        return new SwitchIds(sw, owners, ready, connections.incrementAndGet());
    }
}
