package dev.flowlab.controller.core;

import dev.flowlab.controller.api.Switch;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.projectfloodlight.openflow.types.DatapathId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The switches that finished their handshake, by datapath id, and the one place that turns
 * connections coming and going into switch up/down events for the apps. A second connection with
 * the same datapath id replaces the first: apps see the old one go down, then the new one come up.
 */
public final class SwitchRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(SwitchRegistry.class);

    private final Map<DatapathId, Switch> switches = new ConcurrentHashMap<>();
    private final Map<DatapathId, SwitchCounters> counters = new ConcurrentHashMap<>();
    private final EventDispatcher dispatcher;
    private final Object changed = new Object();

    public SwitchRegistry(EventDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /**
     * Records a switch that finished its handshake and tells the apps.
     *
     * @return the connection it replaces (the caller closes it), or null
     */
    public Switch up(Switch sw) {
        Switch previous = switches.put(sw.id(), sw);
        if (previous != null) {
            LOG.info("dpid={} reconnected from {}; replacing the connection from {}", sw.id(), sw.remoteAddress(),
                    previous.remoteAddress());
            dispatcher.switchDown(previous.id());
        }
        LOG.info("dpid={} up from {} with {} ports", sw.id(), sw.remoteAddress(), sw.ports().size());
        dispatcher.switchUp(sw);
        synchronized (changed) {
            changed.notifyAll();
        }
        return previous;
    }

    /** A connection closed: if it is still the switch's current one, the switch is down. */
    public void down(Switch sw) {
        if (switches.remove(sw.id(), sw)) {
            LOG.info("dpid={} down", sw.id());
            dispatcher.switchDown(sw.id());
        }
    }

    public Collection<Switch> switches() {
        return List.copyOf(switches.values());
    }

    public Optional<Switch> get(DatapathId dpid) {
        return Optional.ofNullable(switches.get(dpid));
    }

    /** The message counters of a switch (made on first use and kept across reconnects). */
    public SwitchCounters counters(DatapathId dpid) {
        return counters.computeIfAbsent(dpid, id -> new SwitchCounters());
    }

    /** Counters of every switch seen since the controller started. */
    public Map<DatapathId, SwitchCounters> allCounters() {
        return Map.copyOf(counters);
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
