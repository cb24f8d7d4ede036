package dev.flowlab.cli.experiment;

import dev.flowlab.cli.AppsOption;
import dev.flowlab.cli.output.Console;
import dev.flowlab.lab.experiment.ExperimentResult;
import dev.flowlab.lab.experiment.FailModeExperiment;
import dev.flowlab.lab.experiment.ReportWriter;
import dev.flowlab.lab.experiment.Settings;
import dev.flowlab.topologies.TopologySource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
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
    @Option(names = "--topo", required = true, paramLabel = "SPEC|FILE",
            description = "a topology spec like linear,3 or a YAML/JSON topology file (3 hosts or more)")
    String topo;

    @Mixin
    AppsOption apps;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "30s", converter = DurationText.class,
            description = "how long the controller stays stopped in each mode (default: ${DEFAULT-VALUE}); "
                    + "standalone fails open after 3 x --inactivity-probe")
    Duration down;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "failmode-report",
            description = "directory for report.md, results.json and the plots (default: ${DEFAULT-VALUE})")
    Path out;

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

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<String> appIds = apps.checked();
        if (down.toMillis() < 10_000) {
            throw new IllegalArgumentException("--duration " + DurationText.format(down) + " is too short: give 10s or more");
        }
        Settings settings = new Settings(topo, TopologySource.load(topo), appIds, prefix, down, probeInterval,
                inactivityProbe, maxBackoff, iperf, Duration.ofMillis(500));
        Console console = Console.system();
        // originalArgs are those given to the root command: "experiment failmode --topo ...".
        String command = "flowlab " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        ExperimentResult result = FailModeExperiment.run(settings, command, console);
        FailModeExperiment.write(result, out);
        console.println();
        ReportWriter.summaryTable(result).forEach(console::println);
        console.println();
        console.println("report: " + out.resolve("report.md") + "  (results.json and plots beside it)");
        return 0;
    }
}
