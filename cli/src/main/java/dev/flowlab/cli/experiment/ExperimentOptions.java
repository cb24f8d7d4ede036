package dev.flowlab.cli.experiment;

import dev.flowlab.cli.AppsOption;
import dev.flowlab.lab.experiment.Settings;
import dev.flowlab.topologies.TopologySource;
import dev.flowlab.cli.output.Console;
import dev.flowlab.lab.experiment.ExperimentResult;
import dev.flowlab.lab.experiment.ReportWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options the fail-mode and failover experiments share: topology, apps, outage length and OVS settings. */
public final class ExperimentOptions {
    @Option(names = "--topo", required = true, paramLabel = "SPEC|FILE",
            description = "a topology spec like linear,3 or a YAML/JSON topology file (3 hosts or more)")
    String topo;

    @Mixin
    AppsOption apps;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "30s", converter = DurationText.class,
            description = "how long the controller stays down in each run (default: ${DEFAULT-VALUE}); "
                    + "standalone fails open after 3 x --inactivity-probe")
    Duration down;

    @Option(names = "--inactivity-probe", paramLabel = "DURATION", defaultValue = "5s", converter = DurationText.class,
            description = "OVS controller inactivity_probe (default: ${DEFAULT-VALUE}, OVS's default and minimum)")
    Duration inactivityProbe;

    @Option(names = "--max-backoff", paramLabel = "DURATION", defaultValue = "8s", converter = DurationText.class,
            description = "OVS controller max_backoff between reconnection attempts (default: ${DEFAULT-VALUE}, OVS's default)")
    Duration maxBackoff;

    @Option(names = "--probe-interval", paramLabel = "DURATION", defaultValue = "100ms", converter = DurationText.class,
            description = "time between the probes' echo requests (default: ${DEFAULT-VALUE})")
    Duration probeInterval;

    @Option(names = "--iperf-time", paramLabel = "DURATION", defaultValue = "3s", converter = DurationText.class,
            description = "length of the iperf3 measurement (default: ${DEFAULT-VALUE})")
    Duration iperf;

    @Option(names = "--prefix", paramLabel = "TEXT", defaultValue = "",
            description = "put TEXT before every namespace and bridge name")
    String prefix;

    /** The experiment command this mixin is part of: its command line is quoted in the report. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** One experiment's run, as the lab module offers it. */
    @FunctionalInterface
    interface Run {
        ExperimentResult run(Settings settings, String commandLine, Console console) throws Exception;
    }

    /** One experiment's report writer (report.md, results.json, plots into a directory). */
    @FunctionalInterface
    interface Write {
        void write(ExperimentResult result, Path dir) throws IOException;
    }

    /**
     * What every experiment command does: check the settings, run, write the report to {@code out},
     * then print the summary table and where the report is.
     */
    int runAndReport(Run run, Write write, Path out) throws Exception {
        Settings settings = settings();
        Console console = Console.system();
        ExperimentResult result = run.run(settings, commandLine(), console);
        write.write(result, out);
        console.println();
        ReportWriter.summaryTable(result).forEach(console::println);
        console.println();
        console.println("report: " + out.resolve("report.md") + "  (results.json and plots beside it)");
        return 0;
    }

    /** The command line that asked for the experiment, quoted in its report (picocli's args are the root's). */
    String commandLine() {
        return "flowlab " + String.join(" ", command.commandLine().getParseResult().originalArgs());
    }

    /** The settings, checked: a bad value is a one-line error before anything is built. */
    Settings settings() {
        if (down.toMillis() < 10_000) {
            throw new IllegalArgumentException("--duration " + DurationText.format(down) + " is too short: give 10s or more");
        }
        return new Settings(topo, TopologySource.load(topo), apps.checked(), prefix, down, probeInterval,
                inactivityProbe, maxBackoff, iperf, Duration.ofMillis(500));
    }
}
