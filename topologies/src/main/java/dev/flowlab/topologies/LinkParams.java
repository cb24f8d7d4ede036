package dev.flowlab.topologies;

import java.time.Duration;

/**
 * Traffic shaping of a link, applied to both directions. Every field is optional (null = not shaped).
 *
 * @param bandwidthMbit  rate limit in Mbit/s
 * @param delay          one-way delay added on each end
 * @param jitter         delay variation (needs {@code delay})
 * @param lossPercent    random loss, 0..100
 * @param maxQueuePackets queue length in packets
 */
public record LinkParams(Double bandwidthMbit, Duration delay, Duration jitter, Double lossPercent,
                         Integer maxQueuePackets) {
    public static final LinkParams NONE = new LinkParams(null, null, null, null, null);

    public static LinkParams bandwidth(double mbit) {
        return new LinkParams(mbit, null, null, null, null);
    }

    /** True when nothing is shaped: the dataplane then adds no qdisc at all. */
    public boolean isNone() {
        return equals(NONE);
    }

    /** True when delay, jitter or loss is asked for: these need the kernel's netem qdisc. */
    public boolean needsNetem() {
        return delay != null || jitter != null || lossPercent != null;
    }
}
