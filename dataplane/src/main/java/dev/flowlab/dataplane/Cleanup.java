package dev.flowlab.dataplane;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Removes what flowlab runs left behind after a crash ({@code kill -9}, power loss): for each run
 * recorded under {@code /run/flowlab/runs} whose process is gone, its processes, bridges, veths and
 * namespaces; then OVS bridges tagged with a flowlab run that has no record any more (the record lives
 * in /run, which a reboot empties, while OVS keeps its bridges), and QoS and Queue records tagged the same
 * way. Runs of live processes are left alone
 * unless forced, so several flowlab processes can run side by side. Nothing without flowlab's mark
 * (run record, OVS run tag, run interface group) is ever touched.
 */
public final class Cleanup {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private Cleanup() {
    }

    /**
     * @param force also remove runs whose process is still alive
     * @return what was removed, what was kept and why, and what failed
     */
    public static CleanupReport sweep(boolean force) {
        return sweep(force, name -> true);
    }

    /**
     * As {@link #sweep(boolean)}, limited to runs and orphan bridges with a name {@code names} accepts
     * (tests on a shared machine sweep only their own name prefix).
     */
    static CleanupReport sweep(boolean force, Predicate<String> names) {
        Preflight.requireRoot();
        CleanupReport report = CleanupReport.empty();
        for (Path file : RunState.files()) {
            RunState state;
            try {
                state = RunState.load(file);
            } catch (DataplaneException e) {
                report = report.plus(new CleanupReport(List.of(), List.of(), List.of(e.getMessage())));
                continue;
            }
            if (!names(state).isEmpty() && names(state).stream().noneMatch(names)) {
                continue;
            }
            if (state.ownerAlive() && !force) {
                report = report.plus(new CleanupReport(List.of(),
                        List.of("run " + state.runId() + " (process " + state.pid() + " is alive)"), List.of()));
                continue;
            }
            report = report.plus(Teardown.run(state, TIMEOUT));
        }
        report = report.plus(orphanBridges(names));
        report = report.plus(orphanQueues());
        String restored = RcuExpedited.machine().restoreIfAbandoned();   // left set by a run that died mid-teardown
        return restored == null ? report
                : report.plus(new CleanupReport(List.of("/sys/kernel/rcu_expedited set back to " + restored), List.of(), List.of()));
    }

    private static List<String> names(RunState s) {
        List<String> all = new ArrayList<>(s.namespaces());
        all.addAll(s.bridges());
        all.addAll(s.rootInterfaces());
        return all;
    }

    /**
     * QoS and Queue records tagged with a run whose record no longer exists (their ports are gone with the
     * orphan bridges above). Not limited by name: they have none, and a run's record exists before them.
     */
    private static CleanupReport orphanQueues() {
        if (!Tools.exists("ovs-vsctl")) {
            return CleanupReport.empty();
        }
        try {
            List<String> removed = PortQueues.destroy(run -> !Files.exists(RunState.dir().resolve(run + RunState.FILE_SUFFIX)),
                    TIMEOUT);
            return new CleanupReport(removed, List.of(), List.of());
        } catch (DataplaneException e) {
            return new CleanupReport(List.of(), List.of(), List.of("Open vSwitch QoS and Queue records: " + e.getMessage()));
        }
    }

    /** Bridges tagged with a run whose record no longer exists. */
    private static CleanupReport orphanBridges(Predicate<String> names) {
        if (!Tools.exists("ovs-vsctl")) {
            return CleanupReport.empty();
        }
        try {
            Map<String, String> tagged = OvsCommands.flowlabBridges(TIMEOUT);
            List<String> orphans = new ArrayList<>();
            // Checked after listing the bridges: a run writes its record before it makes any bridge.
            tagged.forEach((bridge, run) -> {
                if (names.test(bridge) && !Files.exists(RunState.dir().resolve(run + RunState.FILE_SUFFIX))) {
                    orphans.add(bridge);
                }
            });
            OvsCommands.deleteBridges(orphans, TIMEOUT);
            return new CleanupReport(orphans.stream().map(b -> "bridge " + b).toList(), List.of(), List.of());
        } catch (DataplaneException e) {
            return new CleanupReport(List.of(), List.of(), List.of("Open vSwitch bridges: " + e.getMessage()));
        }
    }
}
