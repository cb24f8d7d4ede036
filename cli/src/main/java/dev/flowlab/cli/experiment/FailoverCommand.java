package dev.flowlab.cli.experiment;

import dev.flowlab.cli.ControllerLauncher;
import dev.flowlab.lab.experiment.FailoverExperiment;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flowlab experiment failover}: one controller (secure, standalone) against a cluster losing its master. */
@Command(name = "failover", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Runs the fail-mode experiment's topology and traffic three times, with flowlab controllers as processes"
                    + " of their own, killed with SIGKILL and restarted: (a) one controller, secure; (b) one controller,"
                    + " standalone; (c) a cluster of 3, secure, whose master is killed. Measures the established pair's"
                    + " delivery, when a fresh pair works, when a new master has every switch, the flow tables, and"
                    + " what the restarted controller becomes.",
            "Writes report.md, results.json and PNG plots to --out."},
        footerHeading = "%nExample:%n",
        footer = {"  flowlab experiment failover --topo linear,3 --duration 20s --out failover-report"})
public final class FailoverCommand implements Callable<Integer> {
    @Mixin
    ExperimentOptions options;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "failover-report",
            description = "directory for report.md, results.json and the plots (default: ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() throws Exception {
        return options.runAndReport((settings, commandLine, console) -> FailoverExperiment.run(
                settings, ControllerLauncher.command(), commandLine, console), FailoverExperiment::write, out);
    }
}
