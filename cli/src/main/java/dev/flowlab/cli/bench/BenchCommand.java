package dev.flowlab.cli.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code flowlab bench}: the benchmarks; each is a subcommand. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks that print numbers.",
        subcommands = {ControllerBenchCommand.class, DataplaneBenchCommand.class, CommandLine.HelpCommand.class})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
