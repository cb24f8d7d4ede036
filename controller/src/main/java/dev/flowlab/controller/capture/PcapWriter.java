package dev.flowlab.controller.capture;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pcap file (Ethernet link type) written by a thread of its own. I/O threads only {@link #offer}
 * records: when more than {@link #MAX_QUEUED_BYTES} wait (a slow disk) or the file cannot be
 * written (a full disk), records are dropped and counted, never waited for.
 */
final class PcapWriter implements AutoCloseable {
    /** At most this much waits for the disk; beyond it records are dropped. */
    static final long MAX_QUEUED_BYTES = 16L << 20;
    private static final Logger LOG = LoggerFactory.getLogger(PcapWriter.class);
    private static final PcapRecord END = new PcapRecord(0, null, false, 0, 0, 0, new byte[0]);
    private static final int LINKTYPE_ETHERNET = 1;
    private static final int SNAPLEN = 262144;

    private final Path file;
    private final OutputStream out;
    private final BlockingQueue<PcapRecord> queue = new LinkedBlockingQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread thread;
    private volatile boolean failed;
    private volatile boolean closing;
    private long lastMicros;   // writer thread only

    private PcapWriter(Path file, OutputStream out) {
        this.file = file;
        this.out = out;
        this.thread = new Thread(this::writeLoop, "flowlab-openflow-capture");
        thread.setDaemon(true);
        thread.start();
    }

    /** Creates (or truncates) the file; the writer thread writes the pcap header first. */
    static PcapWriter open(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return new PcapWriter(file, new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    }

    Path file() {
        return file;
    }

    /** Queues a record, or drops and counts it. Never blocks. */
    void offer(PcapRecord r) {
        if (failed || closing) {
            dropped.incrementAndGet();
            return;
        }
        int size = r.fileBytes();
        if (queuedBytes.addAndGet(size) > MAX_QUEUED_BYTES) {
            queuedBytes.addAndGet(-size);
            dropped.incrementAndGet();
            return;
        }
        queue.add(r);
    }

    long written() {
        return written.get();
    }

    long dropped() {
        return dropped.get();
    }

    private void writeLoop() {
        try {
            ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
            header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                    .putInt(SNAPLEN).putInt(LINKTYPE_ETHERNET);
            out.write(header.array());
            out.flush();
        } catch (IOException e) {
            fail(e);
        }
        try {
            for (PcapRecord r = queue.take(); r != END; r = queue.take()) {
                queuedBytes.addAndGet(-r.fileBytes());
                if (failed) {
                    dropped.incrementAndGet();
                    continue;
                }
                write(r);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(PcapRecord r) {
        try {
            byte[] frame = TcpFrames.frame(r);
            // Switches' I/O threads stamp and queue concurrently: keep the file's times in file order.
            lastMicros = Math.max(lastMicros, r.epochMicros());
            ByteBuffer h = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            h.putInt((int) (lastMicros / 1_000_000)).putInt((int) (lastMicros % 1_000_000))
                    .putInt(frame.length).putInt(frame.length);
            out.write(h.array());
            out.write(frame);
            written.incrementAndGet();
            if (queue.isEmpty()) {
                out.flush();   // so the file can be read while the capture runs
            }
        } catch (IOException e) {
            dropped.incrementAndGet();
            fail(e);
        }
    }

    private void fail(IOException e) {
        failed = true;
        LOG.warn("OpenFlow capture to {} failed ({}): further messages are dropped, the controller goes on",
                file, e.getMessage());
    }

    /** Writes what is queued (for at most 5 s), then closes the file. */
    @Override
    public void close() {
        closing = true;
        queue.add(END);
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            out.close();
        } catch (IOException e) {
            LOG.warn("closing the OpenFlow capture {}: {}", file, e.getMessage());
        }
    }
}
