package dev.flowlab.lab.experiment;

import dev.flowlab.dataplane.FailMode;
import dev.flowlab.lab.Progress;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The fail-mode experiment: the same topology and traffic under OVS {@code standalone}, then
 * {@code secure}, each on a freshly built lab, with the controller up, stopped and back; and the
 * report a student can hand in (results.json, PNG plots, report.md).
 */
public final class FailModeExperiment {
    private FailModeExperiment() {
    }

    /**
     * Runs both fail-modes, one after the other.
     *
     * @param command the command line that asked for it, quoted in the report
     */
    public static ExperimentResult run(Settings settings, String command, Progress progress) throws Exception {
        String startedAt = Instant.now().toString();
        ModeRun run = new ModeRun(settings, progress);
        List<ModeResult> modes = new ArrayList<>();
        modes.add(run.run(FailMode.STANDALONE));
        modes.add(run.run(FailMode.SECURE));
        return new ExperimentResult(command, Environment.setup(settings, run.datapathType(), startedAt), modes);
    }

    /** Writes results.json, the plots and report.md into {@code dir}. */
    public static void write(ExperimentResult result, Path dir) throws IOException {
        ReportFiles.write(result, dir, ReportWriter::markdown);
    }
}
