package dev.flowlab.controller.openflow;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admits a new connection only while the controller has room for it: at most so many open
 * connections in all, from one IP address, and in their handshake. A connection beyond a limit
 * is closed before it costs a buffer. Refusals are logged at most once a second, so a flood of
 * connections cannot flood the log either.
 */
final class ConnectionGate {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGate.class);
    private static final AttributeKey<AtomicBoolean> IN_HANDSHAKE = AttributeKey.valueOf("flowlab.inHandshake");
    private static final long LOG_EVERY_NANOS = 1_000_000_000L;

    private final ConnectionLimits limits;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger handshaking = new AtomicInteger();
    private final Map<InetAddress, AtomicInteger> byAddress = new ConcurrentHashMap<>();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

    ConnectionGate(ConnectionLimits limits) {
        this.limits = limits;
    }

    /** Counts the channel in (until it closes) and returns true, or returns false when a limit is reached. */
    boolean admit(Channel channel) {
        InetAddress address = ((InetSocketAddress) channel.remoteAddress()).getAddress();
        String full = null;
        if (open.incrementAndGet() > limits.maxConnections()) {
            full = limits.maxConnections() + " connections are open";
        }
        AtomicInteger fromAddress = byAddress.compute(address, (a, n) -> n == null ? new AtomicInteger(1) : inc(n));
        if (full == null && fromAddress.get() > limits.maxConnectionsPerAddress()) {
            full = limits.maxConnectionsPerAddress() + " connections from " + address.getHostAddress() + " are open";
        }
        if (handshaking.incrementAndGet() > limits.maxHandshakes() && full == null) {
            full = limits.maxHandshakes() + " connections are in their handshake";
        }
        channel.attr(IN_HANDSHAKE).set(new AtomicBoolean(true));
        channel.closeFuture().addListener(f -> release(channel, address));
        if (full != null) {
            refusedBecause(channel, full);
            return false;
        }
        return true;
    }

    private static AtomicInteger inc(AtomicInteger n) {
        n.incrementAndGet();
        return n;
    }

    /** The channel finished its handshake: it no longer counts against {@code maxHandshakes}. */
    void handshakeDone(Channel channel) {
        AtomicBoolean inHandshake = channel.attr(IN_HANDSHAKE).get();
        if (inHandshake != null && inHandshake.compareAndSet(true, false)) {
            handshaking.decrementAndGet();
        }
    }

    private void release(Channel channel, InetAddress address) {
        handshakeDone(channel);
        open.decrementAndGet();
        byAddress.computeIfPresent(address, (a, n) -> n.decrementAndGet() == 0 ? null : n);
    }

    private void refusedBecause(Channel channel, String why) {
        long count = refused.incrementAndGet();
        long now = System.nanoTime();
        long last = lastLogged.get();
        if (now - last >= LOG_EVERY_NANOS && lastLogged.compareAndSet(last, now)) {
            LOG.warn("{} refused: {} ({} connections refused so far)", ConnectionErrors.describe(channel), why, count);
        }
    }

    /** Open connections right now (for tests and diagnostics). */
    int open() {
        return open.get();
    }
}
