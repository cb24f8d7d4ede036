package dev.flowlab.apps.routing;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.projectfloodlight.openflow.types.DatapathId;

/**
 * Remembers, briefly, which broadcast frames each switch already flooded. A broadcast tree reaches
 * a switch once; the same bytes at the same switch again within the window are a copy that went
 * round a loop (links not discovered yet), and flooding it again would start a storm. Hosts repeat
 * identical broadcasts (ARP retries) a second apart, well outside the window.
 */
final class RecentFrames {
    private static final int PURGE_ABOVE = 10_000;

    private record Key(long dpid, int hash, int length) {
    }

    private final long windowNanos;
    private final Map<Key, Long> seen = new ConcurrentHashMap<>();

    RecentFrames(Duration window) {
        this.windowNanos = window.toNanos();
    }

    /** True the first time {@code frame} reaches {@code dpid} within the window; false for a repeat. */
    boolean firstTime(DatapathId dpid, byte[] frame, long now) {
        if (seen.size() > PURGE_ABOVE) {
            seen.values().removeIf(t -> now - t > windowNanos);
        }
        Long before = seen.put(new Key(dpid.getLong(), Arrays.hashCode(frame), frame.length), now);
        return before == null || now - before > windowNanos;
    }
}
