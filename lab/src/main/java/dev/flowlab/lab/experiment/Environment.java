package dev.flowlab.lab.experiment;

import dev.flowlab.dataplane.ProcessRunner;
import java.util.List;

/** Versions and settings that make a report reproducible. */
final class Environment {
    private Environment() {
    }

    static ExperimentResult.Setup setup(Settings s, String datapathType, String startedAt) {
        List<String> hosts = s.topology().hosts().stream().map(dev.flowlab.topologies.Host::name).toList();
        return new ExperimentResult.Setup(s.topologySpec(), hosts.size(), s.topology().switches().size(), s.apps(),
                datapathType, "flowlab 0.1.0", ovsVersion(), "Linux " + System.getProperty("os.version"),
                "Java " + System.getProperty("java.version"), s.inactivityProbe().toMillis(), s.maxBackoff().toMillis(),
                s.probeInterval().toMillis() / 1000.0, s.down().toMillis() / 1000.0,
                String.join("->", ModeRun.establishedPair(hosts)), String.join("->", ModeRun.freshPair(hosts)), startedAt);
    }

    /** The first line of {@code ovs-vsctl --version}, e.g. {@code ovs-vsctl (Open vSwitch) 3.1.0}. */
    private static String ovsVersion() {
        try {
            return ProcessRunner.check("ovs-vsctl", "--version").stdout().lines().findFirst().orElse("unknown").strip();
        } catch (RuntimeException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
