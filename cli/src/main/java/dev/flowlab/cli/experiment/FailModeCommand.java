package dev.flowlab.cli.experiment;

import dev.flowlab.lab.experiment.FailModeExperiment;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flowlab experiment failmode}: standalone against secure, controller lost and back. */
@Command(name = "failmode", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Runs the same topology and traffic under OVS fail_mode=standalone, then secure: pingall, "
                    + "first-packet RTT and iperf with the controller up; continuous pings on a pair that talked "
                    + "and a pair that never did while the controller is stopped, with the switches' flow tables "
                    + "sampled; the time until switches reconnect and pairs work once it is back.",
            "Writes report.md, results.json and PNG plots to --out."},
        footerHeading = "%nExample:%n",
        footer = {"  flowlab experiment failmode --topo linear,3 --apps learning-switch --duration 30s --out failmode-report"})
public final class FailModeCommand implements Callable<Integer> {
    @Mixin
    ExperimentOptions options;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "failmode-report",
            description = "directory for report.md, results.json and the plots (default: ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() throws Exception {
        return options.runAndReport(FailModeExperiment::run, FailModeExperiment::write, out);
    }
}
