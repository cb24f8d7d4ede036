package dev.flowlab.dataplane;

import com.sun.jna.LastErrorException;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Makes named network namespaces as {@code ip netns add} does (a file under {@code /run/netns}, a new
 * namespace bind-mounted on it), from a JVM thread, so each one's inode is recorded in the run's
 * {@link OwnershipJournal} the moment it exists rather than after a whole {@code ip -batch}.
 */
final class NamespaceMaker {
    private static final long MS_REC = 16384;
    private static final long MS_SHARED = 1 << 20;
    private static final int EINVAL = 22;
    private static final int THREADS = 2;

    private NamespaceMaker() {
    }

    /**
     * Makes the namespaces, recording each (then telling {@code made}, from the thread that made it); stops
     * at the first that cannot be made (one that exists already is someone else's and is left alone).
     * Runs on {@value #THREADS} threads of their own, each taking every {@value #THREADS}th name, which
     * end afterwards, so no JVM thread can stay in a namespace it made. The kernel sets up network
     * namespaces in parallel: tree,3,10's 1,000 took 1.1-1.5 s on two threads, 1.8-2.5 s on one (same minutes, load 4-5).
     */
    static void make(List<String> names, OwnershipJournal journal, Consumer<String> made) {
        if (names.isEmpty()) {
            return;
        }
        Path dir = Path.of(InNamespace.DIR);
        shareMounts(dir);
        AtomicBoolean failed = new AtomicBoolean();
        List<Runnable> workers = new ArrayList<>();
        for (int w = 0; w < Math.min(THREADS, names.size()); w++) {
            int first = w;
            workers.add(() -> {
                Libc c = Libc.c();
                int home = c.open("/proc/thread-self/ns/net", Libc.O_RDONLY_CLOEXEC);
                try {
                    for (int i = first; i < names.size() && !failed.get(); i += THREADS) {
                        makeOne(c, dir.resolve(names.get(i)), home, journal);
                        made.accept(names.get(i));
                    }
                } catch (RuntimeException e) {
                    failed.set(true);
                    throw e;
                } finally {
                    c.close(home);
                }
            });
        }
        FreshThread.runAll("flowlab-netns-add", workers);
    }

    private static void makeOne(Libc c, Path file, int home, OwnershipJournal journal) {
        String name = file.getFileName().toString();
        try {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            throw new DataplaneException("network namespace " + name + " exists already (not made by this run): left alone");
        } catch (IOException e) {
            throw new DataplaneException("cannot create " + file + ": " + e.getMessage(), e);
        }
        long cookie;
        try {
            c.unshare(Libc.CLONE_NEWNET);
            try {
                c.mount("/proc/thread-self/ns/net", file.toString(), "none", Libc.MS_BIND, null);
                cookie = NamespaceIds.cookieHere();
            } finally {
                c.setns(home, Libc.CLONE_NEWNET);
            }
        } catch (LastErrorException e) {
            deleteQuietly(file);
            throw new DataplaneException("cannot make network namespace " + name + ": " + Errno.describe(e.getErrorCode()), e);
        }
        long inode = NamespaceProcesses.inode(name);
        try {
            journal.record(OwnershipJournal.Kind.NETNS, name, inode);
            journal.record(OwnershipJournal.Kind.NETNS_COOKIE, name, cookie);
        } catch (DataplaneException e) {
            try {
                c.umount2(file.toString(), Libc.MNT_DETACH);   // unrecorded, it must not outlive this run
            } catch (LastErrorException ignored) {
                // then it stays mounted, unrecorded: never removed by flowlab, named in the error below
            }
            deleteQuietly(file);
            throw e;
        }
    }

    /**
     * Like ip: {@code /run/netns} becomes a shared mount (bound on itself first where it is no mount
     * point yet), so namespace mounts made here show in other mount namespaces too.
     */
    private static void shareMounts(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new DataplaneException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        Libc c = Libc.c();
        try {
            c.mount("", dir.toString(), "none", MS_SHARED | MS_REC, null);
        } catch (LastErrorException e) {
            if (e.getErrorCode() != EINVAL) {
                throw new DataplaneException("cannot make " + dir + " a shared mount: " + Errno.describe(e.getErrorCode()), e);
            }
            c.mount(dir.toString(), dir.toString(), "none", Libc.MS_BIND | MS_REC, null);
            c.mount("", dir.toString(), "none", MS_SHARED | MS_REC, null);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // an empty file under /run/netns: harmless, and named in the error already thrown
        }
    }
}
