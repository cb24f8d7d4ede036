package dev.flowlab.controller.openflow;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import org.projectfloodlight.openflow.protocol.OFPortDesc;
import org.projectfloodlight.openflow.protocol.OFPortReason;
import org.projectfloodlight.openflow.protocol.OFPortStatus;
import org.projectfloodlight.openflow.types.OFPort;

/**
 * A switch's physical ports by number, at most {@code capacity} of them. A PORT_STATUS changes
 * one entry (written on the connection's I/O thread only); the sorted list apps read is copied
 * only when someone asks after a change, so a storm of port changes costs O(log n) each instead
 * of a copy of the whole map each.
 */
final class PortMap {
    private record Snapshot(long version, List<OFPortDesc> list) {
    }

    private final ConcurrentSkipListMap<OFPort, OFPortDesc> byNumber = new ConcurrentSkipListMap<>();
    private final int capacity;
    private int count;   // the skip list's own size() walks every entry
    private volatile long version;
    private volatile Snapshot snapshot = new Snapshot(-1, List.of());

    PortMap(Collection<OFPortDesc> ports, int capacity) {
        this.capacity = capacity;
        ports.stream().filter(PortMap::isPhysical).limit(capacity).forEach(p -> byNumber.put(p.getPortNo(), p));
        count = byNumber.size();
    }

    /** Reserved ports (LOCAL, CONTROLLER...) are negative as signed ints. */
    private static boolean isPhysical(OFPortDesc port) {
        return port.getPortNo().getPortNumber() > 0;
    }

    int capacity() {
        return capacity;
    }

    /** Applies a port change; false when it would add a port beyond the capacity (then nothing changed). */
    boolean apply(OFPortStatus status) {
        OFPortDesc desc = status.getDesc();
        if (!isPhysical(desc)) {
            return true;
        }
        if (status.getReason() == OFPortReason.DELETE) {
            if (byNumber.remove(desc.getPortNo()) != null) {
                count--;
            }
        } else if (count >= capacity && !byNumber.containsKey(desc.getPortNo())) {
            return false;
        } else if (byNumber.put(desc.getPortNo(), desc) == null) {
            count++;
        }
        version++;   // single writer: the I/O thread
        return true;
    }

    Optional<OFPortDesc> get(OFPort number) {
        return Optional.ofNullable(byNumber.get(number));
    }

    /** The ports sorted by number; the same list until the next change. */
    List<OFPortDesc> list() {
        long current = version;   // read before copying: a change during the copy makes the next call copy again
        Snapshot cached = snapshot;
        if (cached.version() != current) {
            cached = new Snapshot(current, List.copyOf(byNumber.values()));
            snapshot = cached;
        }
        return cached.list();
    }
}
