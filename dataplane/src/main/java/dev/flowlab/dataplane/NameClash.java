package dev.flowlab.dataplane;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Refuses, before anything is built, a run whose names already exist on this machine: a namespace,
 * a root-namespace interface or an OVS port/bridge. Never deletes anything: says who owns the name.
 */
final class NameClash {
    private NameClash() {
    }

    /** @param ovsInterfaces every interface name Open vSwitch has (see {@link Preflight#requireOvsRunning()}) */
    static void check(Plan plan, Set<String> ovsInterfaces) {
        // One directory listing each, not a stat per name: tree,3,10 has 2,331 names.
        Set<String> namespaces = names(Path.of(InNamespace.DIR));
        for (String ns : plan.namespaces()) {
            if (namespaces.contains(ns)) {
                throw clash("network namespace " + ns, ns);
            }
        }
        Set<String> interfaces = names(Path.of("/sys/class/net"));
        for (String name : plan.rootNames()) {
            if (interfaces.contains(name)) {
                throw clash("network interface " + name, name);
            }
            if (ovsInterfaces.contains(name)) {
                throw clash("Open vSwitch port " + name, name);
            }
        }
    }

    /** The names in {@code dir}; none when it does not exist. */
    private static Set<String> names(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        } catch (NoSuchFileException e) {
            return Set.of();
        } catch (IOException e) {
            throw new DataplaneException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static DataplaneException clash(String what, String name) {
        String owner = flowlabOwner(name);
        String fix = owner == null
                ? "it is not flowlab's, so it is left alone: use other names (for example a name prefix)"
                : "it belongs to flowlab run " + owner + (isDead(owner) ? ", whose process is gone: run 'flowlab clean'"
                        : ", which is still running: stop it or use a name prefix");
        return new DataplaneException(what + " already exists; " + fix);
    }

    /** The flowlab run whose state file records {@code name}, if any. */
    private static String flowlabOwner(String name) {
        for (Path f : RunState.files()) {
            try {
                RunState s = RunState.load(f);
                if (s.namespaces().contains(name) || s.rootInterfaces().contains(name) || s.bridges().contains(name)) {
                    return s.runId();
                }
            } catch (DataplaneException e) {
                // an unreadable run file names no owner
            }
        }
        return null;
    }

    private static boolean isDead(String runId) {
        Path f = RunState.dir().resolve(runId + RunState.FILE_SUFFIX);
        return !Files.exists(f) || !RunState.load(f).ownerAlive();
    }
}
