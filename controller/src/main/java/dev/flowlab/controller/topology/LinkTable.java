package dev.flowlab.controller.topology;

import dev.flowlab.controller.api.Link;
import dev.flowlab.controller.api.SwitchPort;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.projectfloodlight.openflow.types.DatapathId;

/**
 * The directed links seen so far and when each was last seen. Not thread-safe: {@link TopologyView}
 * guards it. Times are {@link System#nanoTime()} values passed in, so tests choose the clock.
 */
final class LinkTable {
    private final Map<Link, Long> lastSeen = new HashMap<>();

    /** What one LLDP sighting changed. */
    record Change(boolean added, List<Link> removed) {
        static final Change NONE = new Change(false, List.of());

        boolean any() {
            return added || !removed.isEmpty();
        }
    }

    /**
     * Records that {@code link} was seen at {@code now}. A port leads to one place at a time: a link
     * from the same sending port or into the same receiving port, but elsewhere, was rewired and goes.
     */
    Change seen(Link link, long now) {
        if (lastSeen.put(link, now) != null) {
            return Change.NONE;
        }
        List<Link> rewired = removeIf(l -> !l.equals(link)
                && (l.src().equals(link.src()) || l.dst().equals(link.dst())));
        return new Change(true, rewired);
    }

    /** Removes the links with {@code end} at either end (its port went down). */
    List<Link> removeTouching(SwitchPort end) {
        return removeIf(l -> l.touches(end));
    }

    /** Removes the links to or from {@code dpid} (the switch went down). */
    List<Link> removeSwitch(DatapathId dpid) {
        return removeIf(l -> l.srcDpid().equals(dpid) || l.dstDpid().equals(dpid));
    }

    /** Removes the links not seen for {@code timeoutNanos} before {@code now}. */
    List<Link> expire(long now, long timeoutNanos) {
        List<Link> old = new ArrayList<>();
        lastSeen.forEach((link, seen) -> {
            if (now - seen > timeoutNanos) {
                old.add(link);
            }
        });
        old.forEach(lastSeen::remove);
        return old;
    }

    Set<Link> links() {
        return Set.copyOf(lastSeen.keySet());
    }

    private List<Link> removeIf(Predicate<Link> gone) {
        List<Link> removed = new ArrayList<>();
        lastSeen.keySet().removeIf(l -> {
            if (gone.test(l)) {
                removed.add(l);
                return true;
            }
            return false;
        });
        return removed;
    }
}
