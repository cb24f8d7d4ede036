package dev.flowlab.topologies;

import java.time.Duration;

/**
 * Traffic shaping of a link, applied to both directions. Every field is optional (null = not shaped).
 * Checked on construction: positive bandwidth and queue, loss within 0..100 %, no negative times,
 * jitter only together with a delay.
 *
 * @param bandwidthMbit   rate limit in Mbit/s
 * @param delay           one-way delay added on each end
 * @param jitter          delay variation (needs {@code delay})
 * @param lossPercent     random loss, 0..100
 * @param maxQueuePackets queue length in packets
 */
public record LinkParams(Double bandwidthMbit, Duration delay, Duration jitter, Double lossPercent,
                         Integer maxQueuePackets) {
    /** No shaping at all. */
    public static final LinkParams NONE = new LinkParams(null, null, null, null, null);

    public LinkParams {
        if (bandwidthMbit != null && !(bandwidthMbit > 0 && Double.isFinite(bandwidthMbit))) {
            throw new TopologyException("bandwidth must be > 0 Mbit/s, not " + bandwidthMbit);
        }
        if (lossPercent != null && !(lossPercent >= 0 && lossPercent <= 100)) {
            throw new TopologyException("loss must be between 0 and 100 %, not " + lossPercent);
        }
        if (delay != null && delay.isNegative() || jitter != null && jitter.isNegative()) {
            throw new TopologyException("delay and jitter cannot be negative");
        }
        if (jitter != null && delay == null) {
            throw new TopologyException("jitter needs a delay as well");
        }
        if (maxQueuePackets != null && maxQueuePackets <= 0) {
            throw new TopologyException("queue size must be > 0 packets, not " + maxQueuePackets);
        }
    }

    /** Only a rate limit, in Mbit/s. */
    public static LinkParams bandwidth(double mbit) {
        return new LinkParams(mbit, null, null, null, null);
    }

    /** A copy with this rate limit in Mbit/s. */
    public LinkParams withBandwidth(double mbit) {
        return new LinkParams(mbit, delay, jitter, lossPercent, maxQueuePackets);
    }

    /** A copy with this one-way delay. */
    public LinkParams withDelay(Duration oneWay) {
        return new LinkParams(bandwidthMbit, oneWay, jitter, lossPercent, maxQueuePackets);
    }

    /** A copy with this delay variation (set a delay too). */
    public LinkParams withJitter(Duration variation) {
        return new LinkParams(bandwidthMbit, delay, variation, lossPercent, maxQueuePackets);
    }

    /** A copy with this random loss in percent. */
    public LinkParams withLoss(double percent) {
        return new LinkParams(bandwidthMbit, delay, jitter, percent, maxQueuePackets);
    }

    /** A copy with this queue length in packets. */
    public LinkParams withMaxQueue(int packets) {
        return new LinkParams(bandwidthMbit, delay, jitter, lossPercent, packets);
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
