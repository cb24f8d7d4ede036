package dev.flowlab.dataplane;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Processes living in a run's namespaces (an iperf3 a user started, or one left by a killed run).
 * A process keeps its namespace, and so the namespace's veths, alive after {@code ip netns del}:
 * teardown kills them first. Found by comparing /proc/PID/ns/net with each namespace's inode.
 */
final class NamespaceProcesses {
    private NamespaceProcesses() {
    }

    /** The inode of a named namespace, or -1 when it does not exist. */
    static long inode(String namespace) {
        try {
            return ((Number) Files.getAttribute(Path.of(InNamespace.DIR, namespace), "unix:ino")).longValue();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Pids (other than this JVM) whose network namespace is one of {@code inodes}. */
    static List<Long> pidsIn(Collection<Long> inodes) {
        Set<String> links = new HashSet<>();
        inodes.forEach(i -> links.add("net:[" + i + "]"));
        long self = ProcessHandle.current().pid();
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.toList()) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit) || Long.parseLong(name) == self) {
                    continue;
                }
                try {
                    if (links.contains(Files.readSymbolicLink(p.resolve("ns/net")).toString())) {
                        pids.add(Long.parseLong(name));
                    }
                } catch (IOException e) {
                    // the process ended meanwhile, or is not ours to inspect
                }
            }
        } catch (IOException e) {
            throw new DataplaneException("cannot list /proc: " + e.getMessage(), e);
        }
        return pids;
    }

    /** Kills (SIGKILL) every process in the namespaces and waits up to 5 s for them to end; returns the pids. */
    static List<Long> killAll(Collection<Long> inodes) {
        List<Long> pids = pidsIn(inodes);
        List<ProcessHandle> handles = pids.stream().map(ProcessHandle::of).flatMap(java.util.Optional::stream).toList();
        handles.forEach(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + 5_000_000_000L;
        for (ProcessHandle h : handles) {
            while (h.isAlive() && System.nanoTime() < deadline) {
                sleepBriefly();
            }
        }
        return pids;
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
