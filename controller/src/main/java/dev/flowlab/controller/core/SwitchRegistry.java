package dev.flowlab.controller.core;

import dev.flowlab.controller.api.Role;
import dev.flowlab.controller.api.OpenFlowVersions;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.role.Mastership;
import dev.flowlab.controller.role.SingleMember;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.types.DatapathId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The switches that finished their handshake, by datapath id, and the one place that turns
 * connections coming and going into switch up/down events for the apps.
 *
 * <p>A datapath id belongs to the connection that registered it first, as long as that connection
 * lives: a second connection claiming it is refused (as ONOS does), so a peer that merely knows a
 * switch's id cannot take it over. Registering and unregistering one datapath id, and the events
 * they send, are serialised (connections of the same id may run on different I/O threads), so apps
 * always see up, down, up, down in that order.
 *
 * <p>Nothing here grows with the datapath ids a peer makes up: the lock of an id lives only while someone
 * holds it, and the counters of switches that are not connected are kept for the {@link #KEPT_GONE} that
 * left last (a switch that reconnects keeps counting where it stopped), the oldest forgotten first.
 */
public final class SwitchRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(SwitchRegistry.class);
    /** How many switches that are not connected keep their counters: far more than any lab reconnects at once. */
    public static final int KEPT_GONE = 1024;

    private final Map<DatapathId, Switch> switches = new ConcurrentHashMap<>();
    private final Map<DatapathId, SwitchCounters> counters = new ConcurrentHashMap<>();
    /** The ids in {@link #counters} that are not connected, the one that left longest ago first; guarded by itself. */
    private final LinkedHashSet<DatapathId> gone = new LinkedHashSet<>();
    private final Map<DatapathId, IdLock> locks = new ConcurrentHashMap<>();
    private final EventDispatcher dispatcher;
    private final Mastership mastership;
    private final Object changed = new Object();
    private volatile boolean silent;
    private final FlowFilters flowFilters = new FlowFilters();
    private volatile OFVersion oldestServed = OFVersion.OF_10;
    private volatile String oldestWhy = "";

    /** Where switches coming, going and changing roles are logged: INFO, or DEBUG in a {@link #quiet} registry. */
    private final Level events;

    /** A registry for a controller on its own ({@link SingleMember}). */
    public SwitchRegistry(EventDispatcher dispatcher) {
        this(dispatcher, new SingleMember(() -> "in-process"));
    }

    /** A registry whose switches take the roles {@code mastership} decides. */
    public SwitchRegistry(EventDispatcher dispatcher, Mastership mastership) {
        this(dispatcher, mastership, Level.INFO);
    }

    private SwitchRegistry(EventDispatcher dispatcher, Mastership mastership, Level events) {
        this.dispatcher = dispatcher;
        this.mastership = mastership;
        this.events = events;
    }

    /**
     * A registry on its own that logs its switches' comings and goings at DEBUG only: for a throwaway copy of the
     * apps (the packet-in warm-up's), whose rehearsal switch a user must not read about as if it were real.
     */
    public static SwitchRegistry quiet(EventDispatcher dispatcher) {
        return new SwitchRegistry(dispatcher, new SingleMember(() -> "in-process"), Level.DEBUG);
    }

    /** What apps' {@link dev.flowlab.controller.api.FlowFilter}s do to the entries every switch handle sends. */
    public FlowFilters flowFilters() {
        return flowFilters;
    }

    /** What decides this controller's role per switch. */
    public Mastership mastership() {
        return mastership;
    }

    /**
     * From now on, a switch that speaks a version older than {@code version} is refused at switch up, with
     * {@code why} (the app that needs it) in the log line: apps never get a switch they cannot serve.
     */
    public void serveFrom(OFVersion version, String why) {
        oldestServed = version;
        oldestWhy = why;
    }

    /**
     * Records a switch that finished its handshake and tells the apps, unless another live
     * connection already has its datapath id: then nothing changes, a WARN names both, and the
     * caller closes the newcomer. A switch older than {@link #serveFrom} allows is refused likewise.
     *
     * @return whether the switch was registered
     */
    public boolean up(Switch sw) {
        if (sw.version().compareTo(oldestServed) < 0) {
            LOG.warn("dpid={} from {} refused: it speaks {}, and {}; offer a newer version on the switch"
                    + " (Open vSwitch: protocols=OpenFlow13)", sw.id(), sw.remoteAddress(),
                    OpenFlowVersions.name(sw.version()), oldestWhy);
            return false;
        }
        if (!locked(sw.id(), () -> register(sw))) {
            return false;
        }
        synchronized (changed) {
            changed.notifyAll();
        }
        return true;
    }

    /** {@link #up} under the id's lock. */
    private boolean register(Switch sw) {
        Switch live = switches.putIfAbsent(sw.id(), sw);
        if (live != null) {
            LOG.warn("dpid={} refused a second connection from {}: the switch is connected from {}"
                    + " (a switch reconnecting is accepted once its old connection is gone)",
                    sw.id(), sw.remoteAddress(), live.remoteAddress());
            return false;
        }
        synchronized (gone) {
            gone.remove(sw.id());
        }
        LOG.atLevel(events).log("dpid={} up from {} with {} ports{}", sw.id(), sw.remoteAddress(), sw.ports().size(),
                sw.role() == Role.EQUAL ? "" : ", role " + sw.role());
        mastership.switchConnected(sw.id());
        if (sw.role() != Role.EQUAL) {
            dispatcher.roleChanged(sw.id(), sw.role());
        }
        if (sw.role().writes()) {
            dispatcher.switchUp(sw);
        }
        return true;
    }

    /** A connection closed: if it is the switch's registered one, the switch is down. */
    public void down(Switch sw) {
        locked(sw.id(), () -> {
            if (switches.remove(sw.id(), sw)) {
                LOG.atLevel(events).log("dpid={} down", sw.id());
                keepWhileGone(sw.id());
                mastership.switchDisconnected(sw.id());
                if (sw.role().writes()) {
                    dispatcher.switchDown(sw.id());
                }
            }
            return true;
        });
    }

    /**
     * The switch gives this controller another role now ({@link Switch#role()} has it): logged, and the apps
     * hear the switch up when we may write to it from now on, down when we may no longer.
     *
     * @param why one line for the log: what changed the role
     */
    public void roleChanged(Switch sw, Role before, String why) {
        locked(sw.id(), () -> {
            if (switches.get(sw.id()) != sw) {
                return false;
            }
            Role now = sw.role();
            if (now.writes()) {
                LOG.atLevel(events).log("dpid={} role {} -> {}: {}", sw.id(), before, now, why);
            } else {
                LOG.warn("dpid={} role {} -> {}: {}; the apps see the switch down here", sw.id(), before, now, why);
            }
            dispatcher.roleChanged(sw.id(), now);
            if (now.writes() && !before.writes()) {
                dispatcher.switchUp(sw);
            } else if (!now.writes() && before.writes()) {
                dispatcher.switchDown(sw.id());
            }
            return true;
        });
    }

    /** The connected switches this controller may write to (MASTER or EQUAL): what apps see. */
    public Collection<Switch> writable() {
        return switches.values().stream().filter(sw -> sw.role().writes()).toList();
    }

    /**
     * Whether nothing may be written to any switch: set while the controller drops all its switches
     * (stops listening, shuts down). The apps still hear every switch go down, but must not change the
     * switches still connected for a moment (a route withdrawn because a neighbour's connection closed
     * first): in secure fail-mode the switches are to keep what the controller left them.
     */
    public void setSilent(boolean silent) {
        this.silent = silent;
    }

    /** See {@link #setSilent}. */
    public boolean isSilent() {
        return silent;
    }

    /** A datapath id's lock and how many threads hold or wait for it: it is dropped when none does. */
    private static final class IdLock {
        int users;   // changed only inside the map's compute for its id
    }

    /** Runs {@code action} holding the id's lock: registering and unregistering one id, and their events, never overlap. */
    private boolean locked(DatapathId dpid, BooleanSupplier action) {
        IdLock lock = locks.compute(dpid, (id, held) -> {
            IdLock mine = held == null ? new IdLock() : held;
            mine.users++;
            return mine;
        });
        try {
            synchronized (lock) {
                return action.getAsBoolean();
            }
        } finally {
            locks.computeIfPresent(dpid, (id, held) -> --held.users == 0 ? null : held);
        }
    }

    /** Keeps the counters of a switch that is not connected, as the newest gone; forgets the oldest beyond {@link #KEPT_GONE}. */
    private void keepWhileGone(DatapathId dpid) {
        synchronized (gone) {
            gone.remove(dpid);
            gone.add(dpid);
            while (gone.size() > KEPT_GONE) {
                DatapathId oldest = gone.iterator().next();
                gone.remove(oldest);
                if (!switches.containsKey(oldest)) {
                    counters.remove(oldest);
                }
            }
        }
    }

    public Collection<Switch> switches() {
        return List.copyOf(switches.values());
    }

    public Optional<Switch> get(DatapathId dpid) {
        return Optional.ofNullable(switches.get(dpid));
    }

    /**
     * The message counters of a switch: made on first use (a connection in its handshake) and kept across
     * reconnects, as long as the switch is one of the {@link #KEPT_GONE} that were connected last.
     */
    public SwitchCounters counters(DatapathId dpid) {
        SwitchCounters known = counters.get(dpid);
        if (known != null) {
            return known;
        }
        synchronized (gone) {
            SwitchCounters made = counters.computeIfAbsent(dpid, id -> new SwitchCounters());
            if (!switches.containsKey(dpid)) {   // not registered (yet): it counts as gone until it is
                keepWhileGone(dpid);
            }
            return made;
        }
    }

    /** Counters of the connected switches and of the last {@link #KEPT_GONE} that were. */
    public Map<DatapathId, SwitchCounters> allCounters() {
        return Map.copyOf(counters);
    }

    /** How many datapath ids this registry holds anything for now: connected, kept counters, or a lock in use. */
    public int remembered() {
        Set<DatapathId> ids = new HashSet<>(counters.keySet());
        ids.addAll(switches.keySet());
        ids.addAll(locks.keySet());
        return ids.size();
    }

    /** Waits until every one of {@code dpids} is up; false when the timeout passes first. */
    public boolean awaitAll(Collection<DatapathId> dpids, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (changed) {
            while (!switches.keySet().containsAll(dpids)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }
}
