package dev.flowlab.dataplane;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A packet capture of one link of a running {@link Network}, written as a pcapng file named after the
 * link, e.g. {@code s1-s2.pcapng}. Wireshark's {@code dumpcap} records on one veth end (the switch's, in
 * the root namespace, where there is one: every frame of the link crosses it) and writes pcapng to a
 * pipe; this class copies it to the file, counting the packets.
 *
 * <p>Why the pipe: the kernel hands captured frames to dumpcap in blocks, and dumpcap drops what is not
 * yet handed over when it is told to stop. So {@link #stop()} first waits until the file holds as many
 * packets as the interface's own counters say crossed it since the capture began (at most
 * {@link #DRAIN_TIMEOUT}), then ends dumpcap, so that a ping just before teardown is in the file.
 */
public final class LinkCapture implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(2);
    /** SIGTERM to SIGKILL: dumpcap needs a moment to write its statistics block and close. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    private static final int INTERFACE_DESCRIPTION = 1;
    private static final int PACKET_BLOCK_OBSOLETE = 2;
    private static final int SIMPLE_PACKET = 3;
    private static final int ENHANCED_PACKET = 6;
    private static final int SECTION_HEADER = 0x0A0D0D0A;
    private static final Comparator<String> NATURAL = Comparator
            .comparing((String n) -> n.replaceAll("\\d+$", ""))
            .thenComparingLong(n -> n.matches(".*\\d+$") ? Long.parseLong(n.replaceAll("^.*?(\\d+)$", "$1")) : -1)
            .thenComparing(n -> n);

    private final String name;
    private final String namespace;
    private final String ifname;
    private final Path file;
    private final Process process;
    private final StringBuilder messages = new StringBuilder();
    private final Object progress = new Object();
    private boolean opened;
    private boolean ended;
    private long packets;
    private long baseline;

    private LinkCapture(String name, String namespace, String ifname, Path file, Process process) {
        this.name = name;
        this.namespace = namespace;
        this.ifname = ifname;
        this.file = file;
        this.process = process;
    }

    /** {@code s1-s2}, {@code h1-s1}, {@code s2-s10}: the two names in natural order (h before s, 2 before 10). */
    static String fileName(String a, String b) {
        return NATURAL.compare(a, b) <= 0 ? a + "-" + b : b + "-" + a;
    }

    /**
     * Starts dumpcap on {@code ifname} (inside {@code namespace}, or in the root namespace when it is null)
     * and returns once dumpcap has the interface open, so nothing sent afterwards is missed.
     */
    static LinkCapture start(String name, String namespace, String ifname, Path file) {
        Tools.require("dumpcap");
        OutputStream out;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            out = new BufferedOutputStream(Files.newOutputStream(file));
        } catch (IOException e) {
            throw new DataplaneException("cannot write the capture " + file + ": " + e.getMessage(), e);
        }
        List<String> argv = new ArrayList<>(inNamespace(namespace));
        // -q: no packet counts on stderr; -w -: pcapng (the default format) to stdout.
        argv.addAll(List.of(Tools.path("dumpcap"), "-q", "-i", ifname, "-w", "-"));
        Process p;
        try {
            p = ProcessRunner.start(argv);
            p.getOutputStream().close();
        } catch (IOException | RuntimeException e) {
            close(out);
            throw new DataplaneException("cannot start dumpcap on " + ifname + ": " + e.getMessage(), e);
        }
        LinkCapture capture = new LinkCapture(name, namespace, ifname, file, p);
        daemon("flowlab-capture-" + name, () -> capture.copy(p.getInputStream(), out));
        daemon("flowlab-capture-log-" + name, () -> capture.keepMessages(p.getErrorStream()));
        capture.awaitOpened();
        return capture;
    }

    private static List<String> inNamespace(String namespace) {
        return namespace == null ? List.of() : List.of(Tools.path("ip"), "netns", "exec", namespace);
    }

    /** dumpcap writes the interface description block once the interface is open: wait for it. */
    private void awaitOpened() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        synchronized (progress) {
            while (!opened && !ended && System.nanoTime() < deadline) {
                waitOn(deadline);
            }
            if (!opened) {
                stop();
                throw new DataplaneException("capture on " + ifname + " did not start: " + lastMessage());
            }
        }
        baseline = interfacePackets();
    }

    /**
     * Copies dumpcap's pcapng stream to the file block by block, counting packet blocks. A block is
     * written only once it was read whole: if dumpcap ends in the middle of one (killed after the stop
     * grace), the file ends at the last whole block instead of being cut short inside a packet.
     */
    private void copy(InputStream from, OutputStream to) {
        try (DataInputStream in = new DataInputStream(from); OutputStream out = to) {
            ByteOrder order = ByteOrder.nativeOrder();
            byte[] head = new byte[12];
            while (true) {
                in.readFully(head, 0, 8);
                int type = ByteBuffer.wrap(head, 0, 4).order(order).getInt();
                int headLength = 8;
                if (type == SECTION_HEADER) {
                    in.readFully(head, 8, 4);
                    order = ByteBuffer.wrap(head, 8, 4).order(ByteOrder.BIG_ENDIAN).getInt() == 0x1A2B3C4D
                            ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
                    headLength = 12;
                }
                out.write(wholeBlock(in, head, headLength, ByteBuffer.wrap(head, 4, 4).order(order).getInt()));
                out.flush();
                synchronized (progress) {
                    opened |= type == INTERFACE_DESCRIPTION;
                    if (type == ENHANCED_PACKET || type == SIMPLE_PACKET || type == PACKET_BLOCK_OBSOLETE) {
                        packets++;
                    }
                    progress.notifyAll();
                }
            }
        } catch (EOFException e) {
            // dumpcap ended and closed its side of the pipe
        } catch (IOException e) {
            synchronized (messages) {
                messages.append("writing ").append(file).append(": ").append(e.getMessage()).append('\n');
            }
        } finally {
            synchronized (progress) {
                ended = true;
                progress.notifyAll();
            }
        }
    }

    /** The block whose first {@code headLength} bytes are in {@code head}, read to its total {@code length}. */
    private static byte[] wholeBlock(DataInputStream in, byte[] head, int headLength, int length) throws IOException {
        if (length < headLength || length > (1 << 26)) {
            throw new IOException("not a pcapng stream (block of " + length + " bytes)");
        }
        byte[] block = new byte[length];
        System.arraycopy(head, 0, block, 0, headLength);
        in.readFully(block, headLength, length - headLength);
        return block;
    }

    private void keepMessages(InputStream err) {
        try (InputStream in = err) {
            byte[] chunk = new byte[1024];
            for (int n; (n = in.read(chunk)) > 0; ) {
                synchronized (messages) {
                    if (messages.length() < 8192) {
                        messages.append(new String(chunk, 0, n, java.nio.charset.StandardCharsets.UTF_8));
                    }
                }
            }
        } catch (IOException e) {
            // dumpcap is gone
        }
    }

    private String lastMessage() {
        synchronized (messages) {
            List<String> lines = messages.toString().lines().filter(l -> !l.isBlank() && !l.contains("could be dangerous")).toList();
            return lines.isEmpty() ? "dumpcap said nothing (exit " + (process.isAlive() ? "pending" : process.exitValue()) + ")"
                    : lines.get(lines.size() - 1);
        }
    }

    /**
     * Frames received plus sent on the captured interface, from the kernel's counters in
     * {@code /proc/thread-self/net/dev} (which shows the calling thread's namespace); -1 when unreadable.
     */
    private long interfacePackets() {
        try {
            List<String> lines = InNamespace.call(namespace, () -> Files.readAllLines(Path.of("/proc/thread-self/net/dev")));
            for (String line : lines) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).strip().equals(ifname)) {
                    String[] f = line.substring(colon + 1).strip().split("\\s+");
                    return Long.parseLong(f[1]) + Long.parseLong(f[9]);   // rx packets, tx packets
                }
            }
        } catch (RuntimeException e) {
            // the interface is gone: nothing to wait for
        }
        return -1;
    }

    /** What it captures, e.g. {@code s1-s2}. */
    public String name() {
        return name;
    }

    /** The pcapng file. */
    public Path file() {
        return file;
    }

    /** The pid of dumpcap. */
    public long pid() {
        return process.pid();
    }

    /** Whether it is still capturing. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Packets written to the file so far. */
    public long packets() {
        synchronized (progress) {
            return packets;
        }
    }

    /**
     * Ends the capture once the file holds what crossed the interface (see the class comment), then
     * SIGTERM, which makes dumpcap write its statistics and close the stream; SIGKILL after 5 s.
     * Idempotent.
     */
    public void stop() {
        if (process.isAlive() && opened) {
            awaitDrained();
        }
        ProcessRunner.stop(process, STOP_GRACE);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        synchronized (progress) {
            while (!ended && System.nanoTime() < deadline) {
                waitOn(deadline);
            }
        }
    }

    private void awaitDrained() {
        long now = interfacePackets();
        if (now < 0 || baseline < 0) {
            return;
        }
        long expected = now - baseline;
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        synchronized (progress) {
            while (packets < expected && !ended && System.nanoTime() < deadline) {
                waitOn(deadline);
            }
        }
    }

    private void waitOn(long deadlineNanos) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.timedWait(progress, left);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static void daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
    }

    private static void close(OutputStream out) {
        try {
            out.close();
        } catch (IOException ignored) {
            // nothing written yet
        }
    }

    @Override
    public String toString() {
        return name + " -> " + file;
    }
}
