package dev.flowlab.lab.experiment;

import dev.flowlab.dataplane.FailMode;
import dev.flowlab.lab.Progress;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The failover experiment: the fail-mode experiment's topology, traffic and measurements, on flowlab
 * controller processes killed with SIGKILL and started again: (a) one controller, secure; (b) one
 * controller, standalone; (c) a cluster of {@link #CLUSTER} controllers, secure, whose master is killed.
 * Each case on a freshly built lab; the same report files as the fail-mode experiment.
 */
public final class FailoverExperiment {
    /** Members of the cluster case: the smallest Raft cluster that survives losing one. */
    public static final int CLUSTER = 3;

    private FailoverExperiment() {
    }

    /**
     * Runs the three cases, one after the other.
     *
     * @param launcher the command that runs {@code flowlab controller} (each member's options follow)
     * @param command  the command line that asked for it, quoted in the report
     */
    public static ExperimentResult run(Settings settings, List<String> launcher, String command, Progress progress)
            throws Exception {
        String startedAt = Instant.now().toString();
        ModeRun run = new ModeRun(settings, progress);
        List<ModeResult> cases = new ArrayList<>();
        cases.add(run.run(FailMode.SECURE, new MasterKill(1, launcher), "one controller, secure"));
        cases.add(run.run(FailMode.STANDALONE, new MasterKill(1, launcher), "one controller, standalone"));
        cases.add(run.run(FailMode.SECURE, new MasterKill(CLUSTER, launcher), "cluster of " + CLUSTER + ", secure"));
        return new ExperimentResult(command, Environment.setup(settings, run.datapathType(), startedAt), cases);
    }

    /** Writes results.json, the plots and report.md into {@code dir}. */
    public static void write(ExperimentResult result, Path dir) throws IOException {
        ReportFiles.write(result, dir, FailoverReport::markdown);
    }
}
