package dev.flowlab.dataplane;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * Removes what one run made, in dependency order, continuing past failures and reporting each:
 * processes in its namespaces and those it adopted ({@link RunProcesses}), its bridges (one ovs-vsctl
 * transaction) and then its ports' QoS and Queue records, its root-namespace veths
 * (one {@code ip link del group}, which takes the host ends along), its namespaces (one ip batch).
 * Only things proven to be the run's are touched: bridges by their OVS run tag, veths by the run's
 * interface group, namespaces by the inode recorded when they were made.
 */
final class Teardown {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Teardown.class);
    private final RunState state;
    private final Duration timeout;
    private static final ExecutorService OVS_WAITER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "flowlab-ovs-teardown");
        t.setDaemon(true);
        return t;
    });

    private final List<String> removed = Collections.synchronizedList(new ArrayList<>());
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private final List<String> kept = Collections.synchronizedList(new ArrayList<>());

    private Teardown(RunState state, Duration timeout) {
        this.state = state;
        this.timeout = timeout;
    }

    static CleanupReport run(RunState state, Duration timeout) {
        try (RcuExpedited.Hold ignored = RcuExpedited.machine().acquire()) {   // ports close 3x faster
            return runExpedited(state, timeout);
        }
    }

    private static CleanupReport runExpedited(RunState state, Duration timeout) {
        Teardown t = new Teardown(state, timeout);
        Map<OwnershipJournal.Kind, Map<String, Long>> recorded = state.journal().read();
        Map<String, Long> namespaces = t.ownNamespaces(recorded.get(OwnershipJournal.Kind.NETNS),
                recorded.get(OwnershipJournal.Kind.NETNS_COOKIE));
        t.attempt("remove host identities",
                () -> t.removed.addAll(HostIdentity.remove(state.identities(), state.runId(), recorded)));
        t.attempt("stop processes", () -> NamespaceProcesses.killAll(namespaces.values())
                .forEach(pid -> t.removed.add("process " + pid)));
        t.attempt("stop the run's own processes", () -> t.removed.addAll(RunProcesses.killAll(state)));
        // ovs-vswitchd removes bridges and ports (its own process, ~10 ms a port on the userspace
        // datapath) while the kernel deletes veths and namespaces.
        CompletableFuture<Void> bridges = CompletableFuture.runAsync(() -> {
            t.attempt("delete bridges", t::deleteBridges);
            if (!state.qosPorts().isEmpty()) {   // only once their ports are gone
                t.attempt("destroy queues", () -> t.removed.addAll(
                        PortQueues.destroy(state.runId()::equals, OvsCommands.timeoutFor(state.qosPorts().size(), timeout))));
            }
        }, OVS_WAITER);
        t.attempt("delete veths", t::deleteRootVeths);
        t.attempt("delete namespaces", () -> t.deleteNamespaces(namespaces));
        bridges.join();
        if (t.errors.isEmpty()) {
            t.attempt("delete run state", state::delete);
        }
        return new CleanupReport(t.removed, t.kept, t.errors);
    }

    private void attempt(String what, Runnable step) {
        long t0 = System.nanoTime();
        try {
            step.run();
            log.debug("run {}: {} took {} ms", state.runId(), what, (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            errors.add(what + ": " + e.getMessage());
        }
    }

    /**
     * Namespaces of the run that exist and are provably the ones it made: their inode (and, where the
     * kernel has them, cookie) are the ones recorded when each was made. A same-named namespace without
     * that record (the run died before making it, or someone replaced it) is someone else's, and left alone.
     */
    private Map<String, Long> ownNamespaces(Map<String, Long> recorded, Map<String, Long> cookies) {
        Map<String, Long> own = new LinkedHashMap<>();
        for (String ns : state.namespaces()) {
            long inode = NamespaceProcesses.inode(ns);
            if (inode < 0) {
                continue;
            }
            Long mine = recorded.get(ns);
            Long cookie = cookies.get(ns);
            if (mine == null || mine != inode || (cookie != null && cookie != NamespaceIds.cookie(ns))) {
                kept.add("namespace " + ns + " (not the one run " + state.runId() + " made)");
                continue;
            }
            own.put(ns, inode);
        }
        return own;
    }

    private void deleteBridges() {
        List<String> mine = OvsCommands.flowlabBridges(timeout).entrySet().stream()
                .filter(e -> e.getValue().equals(state.runId())).map(Map.Entry::getKey).toList();
        Duration ovsTimeout = OvsCommands.timeoutFor(mine.size() + state.rootInterfaces().size(), timeout);
        OvsCommands.deleteBridges(mine, ovsTimeout);
        // ovs-vsctl returns once the database says the bridges are gone, but ovs-vswitchd destroys them
        // later, in the background (a few ms each, a minute for 500 under load). Until it has, each
        // bridge's own port (an interface named after it) is still there: wait for them to go.
        long deadline = System.nanoTime() + ovsTimeout.toNanos();
        List<String> waiting = stillPresent(mine);
        while (!waiting.isEmpty() && System.nanoTime() < deadline) {
            sleep(20);
            waiting = stillPresent(waiting);
        }
        List<String> left = waiting;
        mine.stream().filter(b -> !left.contains(b)).forEach(b -> removed.add("bridge " + b));
        if (!left.isEmpty()) {
            errors.add("ovs-vswitchd has not finished removing bridges " + String.join(" ", left)
                    + " after " + ovsTimeout.toSeconds() + " s");
        }
    }

    private static List<String> stillPresent(List<String> interfaces) {
        return interfaces.stream().filter(i -> Files.exists(Path.of("/sys/class/net", i))).toList();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataplaneException("interrupted while waiting for ovs-vswitchd");
        }
    }

    private void deleteRootVeths() {
        List<String> members = interfacesInGroup(state.group());
        Set<String> recorded = Set.copyOf(state.rootInterfaces());
        List<String> mine = members.stream().filter(recorded::contains).toList();
        if (mine.isEmpty()) {
            return;
        }
        // One request deletes the whole group (and each veth's peer) in a single kernel batch;
        // deleting 1,000 veths one by one takes many seconds. Only when the group is all ours.
        String batch = mine.size() == members.size()
                ? "link del group " + state.group() + "\n"
                : String.join("\n", mine.stream().map(i -> "link del " + i).toList()) + "\n";
        ExecResult r = ProcessRunner.run(List.of(Tools.path("ip"), "-force", "-batch", "-"), batch, timeout);
        List<String> left = interfacesInGroup(state.group()).stream().filter(recorded::contains).toList();
        mine.stream().filter(i -> !left.contains(i)).forEach(i -> removed.add("veth " + i));
        if (!left.isEmpty()) {
            errors.add("veths left: " + String.join(" ", left) + " (" + r.stderr().strip() + ")");
        }
    }

    private void deleteNamespaces(Map<String, Long> namespaces) {
        if (namespaces.isEmpty()) {
            return;
        }
        StringBuilder batch = new StringBuilder();
        namespaces.keySet().forEach(ns -> batch.append("netns del ").append(ns).append('\n'));
        ExecResult r = ProcessRunner.run(List.of(Tools.path("ip"), "-force", "-batch", "-"), batch.toString(), timeout);
        for (String ns : namespaces.keySet()) {
            if (Files.exists(Path.of(InNamespace.DIR, ns))) {
                errors.add("namespace " + ns + " left (" + r.stderr().strip() + ")");
            } else {
                removed.add("namespace " + ns);
            }
        }
    }

    /** Root-namespace interfaces whose interface group is {@code group}. */
    static List<String> interfacesInGroup(int group) {
        List<String> names = new ArrayList<>();
        try (Stream<Path> devices = Files.list(Path.of("/sys/class/net"))) {
            for (Path d : devices.toList()) {
                try {
                    if (Integer.parseInt(Files.readString(d.resolve("netdev_group")).strip()) == group) {
                        names.add(d.getFileName().toString());
                    }
                } catch (IOException | NumberFormatException e) {
                    // gone meanwhile, or not a regular device
                }
            }
        } catch (IOException e) {
            throw new DataplaneException("cannot list /sys/class/net: " + e.getMessage(), e);
        }
        return names;
    }
}
