package dev.flowlab.cli.experiment;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code flowlab experiment}: scripted experiments that write a report. */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "Runs a scripted experiment on an emulated network and writes a report (Markdown, JSON, PNG plots).",
        subcommands = {FailModeCommand.class, FailoverCommand.class})
public final class ExperimentCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
