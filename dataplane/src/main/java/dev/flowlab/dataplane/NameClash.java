package dev.flowlab.dataplane;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Refuses, before anything is built, a run whose names already exist on this machine: a namespace,
 * a root-namespace interface or an OVS port/bridge. Never deletes anything: says who owns the name.
 */
final class NameClash {
    private NameClash() {
    }

    /** @param ovsInterfaces every interface name Open vSwitch has (see {@link Preflight#requireOvsRunning()}) */
    static void check(Plan plan, Set<String> ovsInterfaces) {
        for (String ns : plan.namespaces()) {
            if (Files.exists(Path.of(InNamespace.DIR, ns))) {
                throw clash("network namespace " + ns, ns);
            }
        }
        for (String name : plan.rootNames()) {
            if (Files.exists(Path.of("/sys/class/net", name))) {
                throw clash("network interface " + name, name);
            }
            if (ovsInterfaces.contains(name)) {
                throw clash("Open vSwitch port " + name, name);
            }
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
