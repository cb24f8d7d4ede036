package dev.flowlab.controller.openflow;

import java.time.Duration;

/**
 * What one switch connection (or one peer address, or all of them) may cost the controller, so
 * that no peer, however it behaves, can make memory grow without bound. Like Open vSwitch's
 * {@code OFCONN_REPLY_MAX}, every buffer is counted from the first byte and a peer that does not
 * read our answers is not read either.
 *
 * @param helloTimeout             a connection whose HELLO has not arrived by then is closed
 * @param maxConnections           open connections at once (any state); more are closed on accept
 * @param maxConnectionsPerAddress open connections at once from one IP address
 * @param maxHandshakes            connections still in their handshake at once
 * @param maxPorts                 ports one switch may have; a port description or PORT_STATUS beyond it
 *                                 closes (handshake) or is ignored (later)
 * @param maxHeldBytes             bytes of asynchronous messages held during the handshake (for delivery
 *                                 after switch up); beyond it they are dropped
 * @param maxReplyBytes            wire bytes of all parts of one multipart reply; beyond it the request fails
 * @param unwritableTimeout        a switch that reads nothing of what we send for this long is disconnected
 *                                 (meanwhile its packet-outs are dropped)
 * @param maxQueuedBytes           bytes queued for one switch; beyond it the switch is disconnected at once
 */
public record ConnectionLimits(Duration helloTimeout, int maxConnections, int maxConnectionsPerAddress, int maxHandshakes,
                               int maxPorts, int maxHeldBytes, long maxReplyBytes, Duration unwritableTimeout,
                               long maxQueuedBytes) {
    /** Checks every value; see the record description. */
    public ConnectionLimits {
        positive("helloTimeout", helloTimeout);
        positive("unwritableTimeout", unwritableTimeout);
        positive("maxQueuedBytes", maxQueuedBytes);
        positive("maxConnections", maxConnections);
        positive("maxConnectionsPerAddress", maxConnectionsPerAddress);
        positive("maxHandshakes", maxHandshakes);
        positive("maxPorts", maxPorts);
        positive("maxHeldBytes", maxHeldBytes);
        positive("maxReplyBytes", maxReplyBytes);
    }

    private static void positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
        }
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    /**
     * HELLO within 3 s; 4096 connections, 1024 from one address, 512 in their handshake; 4096
     * ports per switch; 256 KiB held during the handshake; 16 MiB per multipart reply (about
     * 100,000 flow entries); a switch that reads nothing for 5 s, or has 16 MiB queued, is disconnected.
     */
    public static ConnectionLimits defaults() {
        return new ConnectionLimits(Duration.ofSeconds(3), 4096, 1024, 512, 4096, 256 * 1024, 16L * 1024 * 1024,
                Duration.ofSeconds(5), 16L * 1024 * 1024);
    }

    public ConnectionLimits withHelloTimeout(Duration timeout) {
        return new ConnectionLimits(timeout, maxConnections, maxConnectionsPerAddress, maxHandshakes, maxPorts,
                maxHeldBytes, maxReplyBytes, unwritableTimeout, maxQueuedBytes);
    }

    /** At most {@code total} connections, {@code perAddress} from one address, {@code handshakes} unfinished. */
    public ConnectionLimits withConnections(int total, int perAddress, int handshakes) {
        return new ConnectionLimits(helloTimeout, total, perAddress, handshakes, maxPorts, maxHeldBytes, maxReplyBytes, unwritableTimeout, maxQueuedBytes);
    }

    public ConnectionLimits withMaxPorts(int ports) {
        return new ConnectionLimits(helloTimeout, maxConnections, maxConnectionsPerAddress, maxHandshakes, ports,
                maxHeldBytes, maxReplyBytes, unwritableTimeout, maxQueuedBytes);
    }

    public ConnectionLimits withMaxHeldBytes(int bytes) {
        return new ConnectionLimits(helloTimeout, maxConnections, maxConnectionsPerAddress, maxHandshakes, maxPorts,
                bytes, maxReplyBytes, unwritableTimeout, maxQueuedBytes);
    }

    public ConnectionLimits withMaxReplyBytes(long bytes) {
        return new ConnectionLimits(helloTimeout, maxConnections, maxConnectionsPerAddress, maxHandshakes, maxPorts,
                maxHeldBytes, bytes, unwritableTimeout, maxQueuedBytes);
    }

    /** A switch that reads nothing for {@code timeout}, or has {@code maxQueued} bytes waiting, is disconnected. */
    public ConnectionLimits withShedding(Duration timeout, long maxQueued) {
        return new ConnectionLimits(helloTimeout, maxConnections, maxConnectionsPerAddress, maxHandshakes, maxPorts,
                maxHeldBytes, maxReplyBytes, timeout, maxQueued);
    }
}
