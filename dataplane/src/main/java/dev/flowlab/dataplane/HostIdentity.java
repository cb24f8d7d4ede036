package dev.flowlab.dataplane;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import dev.flowlab.topologies.Host;
import dev.flowlab.topologies.Identity;
import dev.flowlab.topologies.Topology;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives each host its identity: a hostname in its own UTS namespace, kept at {@code /run/flowlab/uts/<host>}
 * (host commands enter it: {@code nsenter --uts=... ip netns exec <host> ...}), and {@code /etc/netns/<host>/hosts}
 * (plus {@code resolv.conf}), which {@code ip netns exec} mounts over {@code /etc/hosts} inside the host.
 * Nothing under the real {@code /etc} is written except {@code /etc/netns/<host>/}. Every file flowlab
 * writes starts with a line naming the run, so removal never deletes a file someone else wrote.
 */
final class HostIdentity {
    static final Path ETC_NETNS = Path.of("/etc/netns");
    private static final String MARK = "# written by flowlab run ";
    private static final int CLONE_NEWUTS = 0x04000000;
    private static final long MS_BIND = 4096;
    private static final int MNT_DETACH = 2;

    /** The namespace and mount calls this class makes. */
    private interface Calls extends Library {
        Calls C = Native.load("c", Calls.class);

        int unshare(int flags) throws LastErrorException;

        int sethostname(byte[] name, long length) throws LastErrorException;

        int mount(String source, String target, String fstype, long flags, Pointer data) throws LastErrorException;

        int umount2(String target, int flags) throws LastErrorException;
    }

    private HostIdentity() {
    }

    /** Where a host's UTS namespace is kept while the network runs. */
    static Path utsFile(String host) {
        return RunState.dir().resolveSibling("uts").resolve(host);
    }

    /** Refuses hosts whose {@code /etc/netns} directory or UTS file exists already (someone else's). */
    static void checkFree(List<String> hosts) {
        for (String h : hosts) {
            for (Path p : List.of(ETC_NETNS.resolve(h), utsFile(h))) {
                if (Files.exists(p)) {
                    throw new DataplaneException(p + " already exists, so host " + h + " cannot get its own identity "
                            + "without overwriting it: remove it if it is stale ('flowlab clean' removes flowlab's), "
                            + "or use a name prefix");
                }
            }
        }
    }

    /** Writes every host's files and makes its UTS namespace; {@code prefix} is the run's name prefix. */
    static void create(Topology t, String prefix, String runId) {
        Identity identity = t.identity().orElseThrow();
        String hostsFile = hostsFile(t, prefix, identity, runId);
        try {
            Files.createDirectories(utsFile("x").getParent());
            for (Host h : t.hosts()) {
                Path dir = Files.createDirectories(ETC_NETNS.resolve(h.name()));
                Files.writeString(dir.resolve("hosts"), hostsFile);
                if (identity.hasResolvConf()) {
                    Files.writeString(dir.resolve("resolv.conf"), resolvConf(identity, runId));
                }
            }
        } catch (IOException e) {
            throw new DataplaneException("cannot write host identity files: " + e.getMessage(), e);
        }
        onFreshThread(() -> t.hosts().forEach(h -> makeUtsNamespace(h.name())));
    }

    /** Removes what {@link #create} made for these hosts; returns what was removed, throws on what could not be. */
    static List<String> remove(List<String> hosts, String runId) {
        List<String> removed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String h : hosts) {
            Path uts = utsFile(h);
            if (Files.exists(uts)) {
                try {
                    Calls.C.umount2(uts.toString(), MNT_DETACH);
                } catch (LastErrorException e) {
                    // not mounted (a crash between creating the file and mounting on it): just delete it
                }
                delete(uts, problems);
                removed.add("UTS namespace " + h);
            }
            Path dir = ETC_NETNS.resolve(h);
            for (String f : List.of("hosts", "resolv.conf")) {
                Path p = dir.resolve(f);
                if (Files.exists(p) && writtenBy(p, runId)) {
                    delete(p, problems);
                }
            }
            if (Files.isDirectory(dir)) {
                try (var left = Files.list(dir)) {
                    if (left.findAny().isEmpty()) {
                        delete(dir, problems);
                        removed.add("directory " + dir);
                    } else {
                        problems.add(dir + " holds files flowlab did not write: left alone");
                    }
                } catch (IOException e) {
                    problems.add(dir + ": " + e.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new DataplaneException(String.join("; ", problems));
        }
        return removed;
    }

    private static String hostsFile(Topology t, String prefix, Identity identity, String runId) {
        StringBuilder b = new StringBuilder(MARK).append(runId).append('\n');
        b.append("127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n");
        for (Host h : t.hosts()) {
            List<String> names = new ArrayList<>(List.of(h.name()));
            if (!prefix.isEmpty() && h.name().startsWith(prefix)) {
                names.add(h.name().substring(prefix.length()));   // the name in the topology file works too
            }
            b.append(h.address());
            if (identity.domain() != null) {
                names.forEach(n -> b.append(' ').append(n).append('.').append(identity.domain()));
            }
            names.forEach(n -> b.append(' ').append(n));
            b.append('\n');
        }
        return b.toString();
    }

    private static String resolvConf(Identity identity, String runId) {
        StringBuilder b = new StringBuilder(MARK).append(runId).append('\n');
        identity.nameservers().forEach(ns -> b.append("nameserver ").append(ns).append('\n'));
        if (!identity.search().isEmpty()) {
            b.append("search ").append(String.join(" ", identity.search())).append('\n');
        }
        return b.toString();
    }

    /**
     * unshare(CLONE_NEWUTS) moves only the calling thread; the new namespace is kept alive by bind-mounting
     * it on a file, as {@code ip netns add} does for network namespaces. Runs on a thread of its own that
     * ends afterwards, so no JVM thread can stay in a host's UTS namespace.
     */
    private static void makeUtsNamespace(String host) {
        Path file = utsFile(host);
        try {
            Files.createFile(file);
            int home = Libc.c().open("/proc/thread-self/ns/uts", Libc.O_RDONLY_CLOEXEC);
            try {
                Calls.C.unshare(CLONE_NEWUTS);
                byte[] name = host.getBytes(StandardCharsets.US_ASCII);
                Calls.C.sethostname(name, name.length);
                Calls.C.mount("/proc/thread-self/ns/uts", file.toString(), null, MS_BIND, null);
                Libc.c().setns(home, CLONE_NEWUTS);
            } finally {
                Libc.c().close(home);
            }
        } catch (IOException | LastErrorException e) {
            throw new DataplaneException("host " + host + ": cannot make its UTS namespace at " + file + ": "
                    + (e instanceof LastErrorException l ? Errno.describe(l.getErrorCode()) : e.getMessage()), e);
        }
    }

    private static void onFreshThread(Runnable work) {
        RuntimeException[] failure = new RuntimeException[1];
        Thread t = new Thread(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                failure[0] = e;
            }
        }, "flowlab-uts-namespaces");
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataplaneException("interrupted while making UTS namespaces");
        }
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    private static boolean writtenBy(Path file, String runId) {
        try (var lines = Files.lines(file)) {
            return lines.findFirst().map(l -> l.equals(MARK + runId)).orElse(false);
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    private static void delete(Path p, List<String> problems) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            problems.add("cannot delete " + p + ": " + e.getMessage());
        }
    }
}
