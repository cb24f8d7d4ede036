package dev.flowlab.controller.capture;

import io.netty.channel.ChannelHandler;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The controller's OpenFlow capture: while {@link #start started}, every message to and from every
 * switch goes to a pcap file that Wireshark (and {@code tshark -r FILE}) decodes as OpenFlow 1.3
 * without options, one TCP segment per batch of messages read or flushed together. Connections open
 * before the start appear from their next message on (after a synthetic TCP handshake).
 */
public final class OpenFlowCapture implements AutoCloseable {
    private volatile PcapWriter writer;
    private long droppedBefore;

    /**
     * Starts writing to {@code file} (created or truncated).
     *
     * @throws IllegalStateException when a capture is running already
     * @throws IllegalArgumentException when the file cannot be written, naming it
     */
    public synchronized void start(Path file) {
        if (writer != null) {
            throw new IllegalStateException("the OpenFlow channel is being captured already, to " + writer.file());
        }
        try {
            writer = PcapWriter.open(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write the OpenFlow capture " + file + ": " + e.getMessage(), e);
        }
    }

    /** Stops, writes what is queued and closes the file; returns the file, or empty when none was running. */
    public synchronized Optional<Path> stop() {
        PcapWriter w = writer;
        if (w == null) {
            return Optional.empty();
        }
        writer = null;
        w.close();
        droppedBefore += w.dropped();
        return Optional.of(w.file());
    }

    /** The file being written, if a capture is running. */
    public Optional<Path> file() {
        return Optional.ofNullable(writer).map(PcapWriter::file);
    }

    /** Records written by the running capture. */
    public long written() {
        PcapWriter w = writer;
        return w == null ? 0 : w.written();
    }

    /** Records dropped (writer too slow, disk full) by every capture so far. */
    public synchronized long dropped() {
        PcapWriter w = writer;
        return droppedBefore + (w == null ? 0 : w.dropped());
    }

    /** The handler that records one connection; every switch connection gets one. */
    public ChannelHandler newHandler() {
        return new CaptureHandler(this);
    }

    PcapWriter writer() {
        return writer;
    }

    @Override
    public void close() {
        stop();
    }
}
