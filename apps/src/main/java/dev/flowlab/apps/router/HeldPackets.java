package dev.flowlab.apps.router;

import dev.flowlab.controller.api.Switch;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.projectfloodlight.openflow.types.IPv4Address;
import org.projectfloodlight.openflow.types.OFPort;

/**
 * Packets waiting for their next hop to answer ARP, so the first ping of a conversation is not
 * lost. Bounded per address and in age; also rate-limits the router's ARP requests.
 */
final class HeldPackets {
    /** A packet as it reached the controller. */
    record Held(Switch sw, OFPort inPort, byte[] frame, long nanos) {
    }

    static final int PER_ADDRESS = 16;
    static final long MAX_AGE_NANOS = 3_000_000_000L;
    static final long ASK_EVERY_NANOS = 1_000_000_000L;

    private final Map<IPv4Address, Deque<Held>> held = new HashMap<>();
    private final Map<IPv4Address, Long> lastAsked = new HashMap<>();

    /** Keeps a packet for {@code nextHop}; returns whether to send an ARP request for it now. */
    synchronized boolean hold(IPv4Address nextHop, Held packet) {
        if (held.size() > 64) {   // addresses that never answered: forget them
            held.values().removeIf(q -> packet.nanos() - q.getLast().nanos() > MAX_AGE_NANOS);
            lastAsked.values().removeIf(at -> packet.nanos() - at > MAX_AGE_NANOS);
        }
        Deque<Held> queue = held.computeIfAbsent(nextHop, ip -> new ArrayDeque<>());
        if (queue.size() == PER_ADDRESS) {
            queue.removeFirst();
        }
        queue.addLast(packet);
        Long asked = lastAsked.get(nextHop);
        if (asked != null && packet.nanos() - asked < ASK_EVERY_NANOS) {
            return false;
        }
        lastAsked.put(nextHop, packet.nanos());
        return true;
    }

    /** The packets held for {@code nextHop} that are still fresh; they are no longer held. */
    synchronized List<Held> release(IPv4Address nextHop, long nowNanos) {
        lastAsked.remove(nextHop);
        Deque<Held> queue = held.remove(nextHop);
        return queue == null ? List.of() : queue.stream().filter(h -> nowNanos - h.nanos() <= MAX_AGE_NANOS).toList();
    }
}
