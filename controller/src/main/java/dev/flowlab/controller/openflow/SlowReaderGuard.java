package dev.flowlab.controller.openflow;

import io.netty.channel.Channel;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.projectfloodlight.openflow.protocol.OFMessage;
import org.projectfloodlight.openflow.protocol.OFType;
import org.projectfloodlight.openflow.types.DatapathId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one switch that does not read from costing the controller (or other switches) anything.
 * While its channel is past the high write watermark, packet-outs sent to it from elsewhere (an
 * app broadcasting another switch's packet to every switch, a timer) are dropped: they are worth
 * nothing late, and whoever sends them never waits for this one. (Answers to its own packet-ins
 * are not dropped: they are bounded by reading, which stops meanwhile.) Messages that change its state (flow-mods, barriers...) are still queued, up to
 * {@code maxQueuedBytes}; past that, or when the channel stays unwritable for
 * {@code unwritableTimeout}, the switch is disconnected with a WARN naming it, as OVS drops a
 * controller connection whose queue overflows.
 */
final class SlowReaderGuard {
    private static final Logger LOG = LoggerFactory.getLogger(SlowReaderGuard.class);

    private final Channel channel;
    private final DatapathId dpid;
    private final Duration unwritableTimeout;
    private final long maxQueuedBytes;
    private final LongAdder dropped = new LongAdder();
    private final AtomicBoolean shed = new AtomicBoolean();
    private volatile String shedBecause;   // why disconnect() closed the channel; null until it did
    private ScheduledFuture<?> deadline;   // I/O thread only

    SlowReaderGuard(Channel channel, DatapathId dpid, ConnectionLimits limits) {
        this.channel = channel;
        this.dpid = dpid;
        this.unwritableTimeout = limits.unwritableTimeout();
        this.maxQueuedBytes = limits.maxQueuedBytes();
    }

    /** Whether {@code message} may be queued now (any thread); false means it was dropped. */
    boolean admit(OFMessage message) {
        if (channel.isWritable()) {
            return true;
        }
        if (message.getType() == OFType.PACKET_OUT) {
            dropped.increment();
            return false;
        }
        long queued = channel.bytesBeforeWritable() + channel.config().getWriteBufferLowWaterMark();
        if (queued > maxQueuedBytes) {
            disconnect(queued + " bytes queued, more than the " + maxQueuedBytes + " allowed");
            return false;
        }
        return true;
    }

    /**
     * Whether {@code message}, which another thread sends, may wait for the I/O thread, {@code waiting} bytes (its
     * own included) waiting there already (any thread); false means it was dropped. Those count as queued: an I/O
     * thread that is busy, or that an app blocks, takes them into the channel (where {@link #admit} sees them)
     * only when it gets to them. So a packet-out is dropped once they pass the high write watermark, as it is when
     * the channel does: late, it is worth nothing, and it must not get a switch that reads disconnected.
     */
    boolean admitWaiting(OFMessage message, long waiting) {
        long queued = waiting + (channel.isWritable() ? 0
                : channel.bytesBeforeWritable() + channel.config().getWriteBufferLowWaterMark());
        if (message.getType() == OFType.PACKET_OUT && queued > channel.config().getWriteBufferHighWaterMark()) {
            dropped.increment();
            return false;
        }
        if (queued > maxQueuedBytes) {
            disconnect(queued + " bytes queued (" + waiting + " of them not yet taken by its I/O thread), more than the "
                    + maxQueuedBytes + " allowed");
            return false;
        }
        return true;
    }

    /** Why this guard disconnected the switch (one line), or null when it did not. */
    String disconnectedBecause() {
        return shedBecause;
    }

    /** On the I/O thread, when the channel crosses a watermark. */
    void writabilityChanged() {
        if (channel.isWritable()) {
            if (deadline != null) {
                deadline.cancel(false);
                deadline = null;
            }
        } else if (deadline == null) {
            deadline = channel.eventLoop().schedule(() -> {
                if (!channel.isWritable()) {
                    disconnect("it read nothing of what we sent for " + unwritableTimeout.toMillis() + " ms");
                }
            }, unwritableTimeout.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    void closed() {
        if (deadline != null) {
            deadline.cancel(false);
        }
    }

    private void disconnect(String why) {
        if (shed.compareAndSet(false, true)) {
            shedBecause = "the controller disconnected it: " + why;
            LOG.warn("dpid={} ({}) does not read its connection: {}; disconnecting it ({} packet-outs to it dropped meanwhile)",
                    dpid, String.valueOf(channel.remoteAddress()).replaceFirst("^/", ""), why, dropped.sum());
            channel.close();
        }
    }
}
