package dev.flowlab.lab;

import dev.flowlab.dataplane.OvsControl;

import dev.flowlab.controller.openflow.ThrowawayPki;
import dev.flowlab.controller.openflow.TlsFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * TLS between the embedded controller and the bridges for one run: a throwaway CA and certificates,
 * and Open vSwitch's SSL settings pointed at the switch side of them.
 *
 * <p>Those settings are machine-wide (the one SSL record of the Open_vSwitch table, what
 * {@code ovs-vsctl set-ssl} writes), so: the values found there are noted in
 * {@code /run/flowlab/ovs-ssl.before} and put back by {@link #close()} (a record that did not exist
 * is removed again); a run killed before it could do so leaves the note, and the next TLS run puts
 * back what it says; and only one run at a time may hold the settings (a lock file), a second one is
 * refused with a one-line error.
 */
public final class OvsTlsSession implements AutoCloseable {
    private static final Path STATE = Path.of("/run/flowlab");
    private static final Path LOCK = STATE.resolve("ovs-ssl.lock");
    private static final Path BEFORE = STATE.resolve("ovs-ssl.before");
    private static final String COLUMNS = "private_key,certificate,ca_cert,bootstrap_ca_cert";

    private final FileChannel lockFile;
    private final FileLock lock;
    private final ThrowawayPki pki;
    private final List<String> before;   // the SSL record's columns as they were; empty: there was none

    private OvsTlsSession(FileChannel lockFile, FileLock lock, ThrowawayPki pki, List<String> before) {
        this.lockFile = lockFile;
        this.lock = lock;
        this.pki = pki;
        this.before = before;
    }

    /**
     * Makes the certificates and points Open vSwitch at them.
     *
     * @throws IllegalStateException when another run holds the SSL settings, or a step fails
     */
    public static OvsTlsSession start() {
        FileChannel channel = null;
        FileLock lock = null;
        try {
            Files.createDirectories(STATE);
            channel = FileChannel.open(LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = tryLock(channel);
            if (lock == null) {
                throw new IllegalStateException("another flowlab run with --tls is using Open vSwitch's SSL settings"
                        + " (they are machine-wide): wait for it to end, or run this one without --tls");
            }
            ThrowawayPki pki = ThrowawayPki.create(Files.createTempDirectory("flowlab-tls-"));
            List<String> before = recordedOrCurrent();
            if (sslRecord().isEmpty()) {
                OvsControl.vsctl("set-ssl", pki.switchKey().toString(), pki.switchCertificate().toString(),
                        pki.caCertificate().toString());
            } else {
                OvsControl.vsctl("set", "SSL", ".", "private_key=" + quoted(pki.switchKey().toString()),
                        "certificate=" + quoted(pki.switchCertificate().toString()),
                        "ca_cert=" + quoted(pki.caCertificate().toString()), "bootstrap_ca_cert=false");
            }
            return new OvsTlsSession(channel, lock, pki, before);
        } catch (IOException | RuntimeException e) {
            release(channel, lock);
            if (e instanceof IllegalStateException ise) {
                throw ise;
            }
            throw new IllegalStateException("cannot set up TLS for the run: " + e.getMessage(), e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            return null;
        }
    }

    /**
     * What the SSL record was before any TLS run touched it. A run killed before it could restore the
     * record left its note behind (we hold the lock, so that run is gone): the note is the truth, the
     * record now points at that run's deleted files. Otherwise the record as it is, noted for the same
     * reason. The note: {@code none}, or the four column values, one a line.
     */
    private static List<String> recordedOrCurrent() throws IOException {
        if (Files.exists(BEFORE)) {
            List<String> noted = Files.readAllLines(BEFORE);
            if (noted.equals(List.of("none")) || noted.size() == 4) {
                return noted.equals(List.of("none")) ? List.of() : noted;
            }
        }
        List<String> current = sslRecord();
        Files.write(BEFORE, current.isEmpty() ? List.of("none") : current);
        return current;
    }

    /** The four columns of the SSL record, one value each (as ovs-vsctl prints them), or empty without one. */
    private static List<String> sslRecord() {
        String bare = OvsControl.vsctl("--bare", "--columns=" + COLUMNS, "list", "SSL");
        List<String> values = bare.lines().toList();
        return bare.isBlank() ? List.of() : values.subList(0, 4);
    }

    private static List<String> assignments(List<String> values) {
        String[] names = COLUMNS.split(",");
        return Stream.of(0, 1, 2, 3).map(i -> names[i] + "=" + (i == 3 ? values.get(i) : quoted(values.get(i)))).toList();
    }

    private static String quoted(String path) {
        return "\"" + path.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The controller's key, certificate and the CA its switches' certificates come from. */
    public TlsFiles controllerFiles() {
        return pki.controllerFiles();
    }

    /**
     * Controller process {@code number}'s own key and certificate, from the same CA ({@code --controllers N
     * --tls}): each member listens {@code ssl:} with it and shows it to the other members.
     */
    public TlsFiles memberFiles(int number) {
        return pki.memberFiles(number);
    }

    /** Puts Open vSwitch's SSL settings back as they were, deletes the certificates, lets the next TLS run go. */
    @Override
    public void close() {
        try {
            if (before.isEmpty()) {
                OvsControl.vsctl("del-ssl");
            } else if (sslRecord().isEmpty()) {   // someone removed it meanwhile: make it again, as it was
                OvsControl.vsctl("set-ssl", before.get(0), before.get(1), before.get(2));
                OvsControl.vsctl("set", "SSL", ".", "bootstrap_ca_cert=" + before.get(3));
            } else {
                List<String> args = new java.util.ArrayList<>(List.of("set", "SSL", "."));
                args.addAll(assignments(before));
                OvsControl.vsctl(args.toArray(String[]::new));
            }
            Files.deleteIfExists(BEFORE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot remove " + BEFORE + ": " + e.getMessage(), e);
        } finally {
            deleteTree(pki.dir());
            release(lockFile, lock);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless; the keys in it are the run's only
        }
    }

    private static void release(FileChannel channel, FileLock lock) {
        try {
            if (lock != null) {
                lock.release();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // closing the channel releases the lock anyway
        }
    }
}
