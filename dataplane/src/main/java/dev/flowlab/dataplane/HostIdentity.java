package dev.flowlab.dataplane;

import com.sun.jna.LastErrorException;
import dev.flowlab.topologies.Host;
import dev.flowlab.topologies.Identity;
import dev.flowlab.topologies.Topology;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    /**
     * Writes every host's files and makes its UTS namespace, recording each UTS file and namespace in
     * {@code journal} as it is made; {@code prefix} is the run's name prefix.
     */
    static void create(Topology t, String prefix, String runId, OwnershipJournal journal) {
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
        FreshThread.run("flowlab-uts-namespaces", () -> t.hosts().forEach(h -> makeUtsNamespace(h.name(), runId, journal)));
    }

    /**
     * Removes what {@link #create} made for these hosts: a UTS namespace only when it is the one
     * recorded in the run's journal (by inode), the file under it likewise; files under
     * {@code /etc/netns} only when they carry the run's mark. Returns what was removed, throws on what
     * could not be.
     */
    static List<String> remove(List<String> hosts, String runId, Map<OwnershipJournal.Kind, Map<String, Long>> recorded) {
        String mark = NamespaceIds.utsMark(runId);
        List<String> removed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String h : hosts) {
            Path uts = utsFile(h);
            if (Files.exists(uts)) {
                removeUts(h, uts, recorded, mark, removed, problems);
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
     * Unmounts and deletes a host's UTS file when it is provably the run's: mounted, with the recorded
     * namespace inode and the run's mark ({@link NamespaceIds}); or not mounted (a crash between making the file and mounting on it), with the
     * recorded file inode. Anything else is someone else's, and left alone.
     */
    private static void removeUts(String host, Path uts, Map<OwnershipJournal.Kind, Map<String, Long>> recorded,
                                  String mark, List<String> removed, List<String> problems) {
        boolean mounted = attribute(uts, "dev") != attribute(uts.getParent(), "dev");
        long inode = attribute(uts, "ino");
        Long mine = recorded.get(mounted ? OwnershipJournal.Kind.UTS : OwnershipJournal.Kind.UTS_FILE).get(host);
        if (mine == null || mine != inode || (mounted && !NamespaceIds.utsMark(uts).equals(mark))) {
            return;   // not made by this run (or no longer the one it made): not ours to remove
        }
        if (mounted) {
            try {
                Libc.c().umount2(uts.toString(), Libc.MNT_DETACH);
            } catch (LastErrorException e) {
                problems.add("cannot unmount " + uts + ": " + Errno.describe(e.getErrorCode()));
                return;
            }
        }
        delete(uts, problems);
        removed.add("UTS namespace " + host);
    }

    /** A numeric stat(2) field ({@code ino}, {@code dev}), or -1 when the file is gone. */
    private static long attribute(Path p, String name) {
        try {
            return ((Number) Files.getAttribute(p, "unix:" + name)).longValue();
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * unshare(CLONE_NEWUTS) moves only the calling thread; the new namespace is kept alive by bind-mounting
     * it on a file, as {@code ip netns add} does for network namespaces. Runs on a thread of its own that
     * ends afterwards, so no JVM thread can stay in a host's UTS namespace.
     */
    private static void makeUtsNamespace(String host, String runId, OwnershipJournal journal) {
        Path file = utsFile(host);
        try {
            Files.createFile(file);
            journal.record(OwnershipJournal.Kind.UTS_FILE, host, attribute(file, "ino"));
            Libc c = Libc.c();
            int home = c.open("/proc/thread-self/ns/uts", Libc.O_RDONLY_CLOEXEC);
            try {
                c.unshare(Libc.CLONE_NEWUTS);
                byte[] name = host.getBytes(StandardCharsets.US_ASCII);
                c.sethostname(name, name.length);
                NamespaceIds.markUtsHere(NamespaceIds.utsMark(runId));
                c.mount("/proc/thread-self/ns/uts", file.toString(), null, Libc.MS_BIND, null);
                c.setns(home, Libc.CLONE_NEWUTS);
            } finally {
                c.close(home);
            }
            journal.record(OwnershipJournal.Kind.UTS, host, attribute(file, "ino"));
        } catch (IOException | LastErrorException e) {
            throw new DataplaneException("host " + host + ": cannot make its UTS namespace at " + file + ": "
                    + (e instanceof LastErrorException l ? Errno.describe(l.getErrorCode()) : e.getMessage()), e);
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
