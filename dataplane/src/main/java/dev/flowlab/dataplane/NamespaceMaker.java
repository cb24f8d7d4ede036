package dev.flowlab.dataplane;

import com.sun.jna.LastErrorException;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    private NamespaceMaker() {
    }

    /**
     * Makes the namespaces in order, recording each (then telling {@code made}); stops at the first that cannot be made (one that
     * exists already is someone else's and is left alone). Runs on a thread of its own that ends
     * afterwards, so no JVM thread can stay in a namespace it made.
     */
    static void make(List<String> names, OwnershipJournal journal, Consumer<String> made) {
        if (names.isEmpty()) {
            return;
        }
        FreshThread.run("flowlab-netns-add", () -> {
            Path dir = Path.of(InNamespace.DIR);
            shareMounts(dir);
            Libc c = Libc.c();
            int home = c.open("/proc/thread-self/ns/net", Libc.O_RDONLY_CLOEXEC);
            try {
                for (String name : names) {
                    makeOne(c, dir.resolve(name), home, journal);
                    made.accept(name);
                }
            } finally {
                c.close(home);
            }
        });
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
