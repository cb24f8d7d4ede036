package dev.flowlab.dataplane;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * What one run made (or is about to make) on this machine, written to {@code /run/flowlab/runs/ID.run}
 * before anything is created, so teardown and {@code flowlab clean} after a crash remove exactly that.
 * Bridges are also tagged in OVS ({@code external_ids:flowlab-run}) and root-namespace veths carry the
 * run's interface group, so ownership can be checked against the kernel and OVS, not only this file.
 *
 * @param runId           short unique id
 * @param pid             the owning process
 * @param pidStartTicks   its start time (field 22 of /proc/PID/stat): a reused pid is not the owner
 * @param group           interface group number of every root-namespace veth of the run
 * @param namespaces      network namespaces, one per host, as planned: which of them the run made is
 *                        proven by the inodes in its {@link OwnershipJournal}
 * @param rootInterfaces  veth ends in the root namespace
 * @param bridges         OVS bridges
 * @param identities      hosts with a UTS namespace file and an /etc/netns directory (see {@link HostIdentity})
 * @param qosPorts        switch ports given egress queues: their OVS QoS and Queue records carry the run's tag
 *                        and outlive the bridges unless destroyed (see {@link PortQueues})
 */
record RunState(String runId, long pid, long pidStartTicks, int group, List<String> namespaces,
                List<String> rootInterfaces, List<String> bridges, List<String> identities, List<String> qosPorts) {
    static final String FILE_SUFFIX = ".run";

    /** A run without host identities. */
    RunState(String runId, long pid, long pidStartTicks, int group, List<String> namespaces,
             List<String> rootInterfaces, List<String> bridges) {
        this(runId, pid, pidStartTicks, group, namespaces, rootInterfaces, bridges, List.of());
    }

    /** A run without queues on its ports. */
    RunState(String runId, long pid, long pidStartTicks, int group, List<String> namespaces,
             List<String> rootInterfaces, List<String> bridges, List<String> identities) {
        this(runId, pid, pidStartTicks, group, namespaces, rootInterfaces, bridges, identities, List.of());
    }

    RunState {
        identities = identities == null ? List.of() : List.copyOf(identities);
        qosPorts = qosPorts == null ? List.of() : List.copyOf(qosPorts);
        namespaces = List.copyOf(namespaces);
        rootInterfaces = List.copyOf(rootInterfaces);
        bridges = List.copyOf(bridges);
    }

    /** A fresh interface group number for a run's root-namespace veths (random: runs side by side differ). */
    static int newGroup() {
        return 1_000_000 + new java.security.SecureRandom().nextInt(1_000_000_000);
    }

    /** Where run files live; {@code flowlab.state.dir} overrides it (for tests). */
    static Path dir() {
        return Path.of(System.getProperty("flowlab.state.dir", "/run/flowlab/runs"));
    }

    Path file() {
        return dir().resolve(runId + FILE_SUFFIX);
    }

    /** A directory for this run's own files (output of background commands); removed with the run. */
    Path workDir() {
        return dir().resolve(runId + ".d");
    }

    /** True while the process that made this run is alive (same pid and same start time). */
    boolean ownerAlive() {
        return pidStartTicks == ProcessStart.ticks(pid);
    }

    /** Writes the file atomically: a crash leaves the old or the new version, never half of one. */
    void save() {
        try {
            Files.createDirectories(dir());
            Path tmp = dir().resolve(runId + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp)) {
                toProperties().store(w, "flowlab run: what it made, for teardown and 'flowlab clean'");
            }
            try {
                Files.move(tmp, file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file(), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new DataplaneException("cannot write run state " + file() + ": " + e.getMessage(), e);
        }
    }

    /** The run's proof of what it made. */
    OwnershipJournal journal() {
        return OwnershipJournal.of(runId);
    }

    void delete() {
        journal().delete();
        try {
            Files.deleteIfExists(file());
            if (Files.isDirectory(workDir())) {
                try (Stream<Path> files = Files.list(workDir())) {
                    for (Path p : files.toList()) {
                        Files.deleteIfExists(p);
                    }
                }
                Files.deleteIfExists(workDir());
            }
        } catch (IOException e) {
            throw new DataplaneException("cannot delete run state " + file() + ": " + e.getMessage(), e);
        }
    }

    static RunState load(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
            return new RunState(p.getProperty("runId"), Long.parseLong(p.getProperty("pid")),
                    Long.parseLong(p.getProperty("pidStartTicks")), Integer.parseInt(p.getProperty("group")),
                    words(p.getProperty("namespaces")), words(p.getProperty("rootInterfaces")),
                    words(p.getProperty("bridges")), words(p.getProperty("identities")),
                    words(p.getProperty("qosPorts")));
        } catch (IOException | RuntimeException e) {
            throw new DataplaneException("unreadable run state " + file + ": " + e.getMessage(), e);
        }
    }

    /** A plain properties file: names hold no spaces, so lists are space-separated words. */
    private Properties toProperties() {
        Properties p = new Properties();
        p.setProperty("runId", runId);
        p.setProperty("pid", Long.toString(pid));
        p.setProperty("pidStartTicks", Long.toString(pidStartTicks));
        p.setProperty("group", Integer.toString(group));
        p.setProperty("namespaces", String.join(" ", namespaces));
        p.setProperty("rootInterfaces", String.join(" ", rootInterfaces));
        p.setProperty("bridges", String.join(" ", bridges));
        p.setProperty("identities", String.join(" ", identities));
        p.setProperty("qosPorts", String.join(" ", qosPorts));
        return p;
    }

    private static List<String> words(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.asList(s.strip().split(" +"));
    }

    /** Every run recorded on this machine (unreadable files are skipped and logged by the caller). */
    static List<Path> files() {
        if (!Files.isDirectory(dir())) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir())) {
            return new ArrayList<>(s.filter(p -> p.getFileName().toString().endsWith(FILE_SUFFIX)).sorted().toList());
        } catch (IOException e) {
            throw new DataplaneException("cannot list " + dir() + ": " + e.getMessage(), e);
        }
    }
}
