package dev.flowlab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code flowlab} command. Each subcommand is its own class, registered in the list below. */
@Command(name = "flowlab", mixinStandardHelpOptions = true, version = "flowlab 0.1.0",
        description = "OpenFlow 1.0-1.5 controller with pluggable apps, and emulated networks of namespaces and Open vSwitch.",
        subcommands = {
                CommandLine.HelpCommand.class,
                dev.flowlab.cli.bench.BenchCommand.class,
                CleanCommand.class,
                RunCommand.class,
                DemoCommand.class,
                ControllerCommand.class,
                dev.flowlab.cli.experiment.ExperimentCommand.class,
        })
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured picocli command line; tests call it without exiting the JVM. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        // A user's mistake is one line on stderr, not a stack trace.
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("flowlab: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        });
        cl.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println("flowlab: " + e.getMessage() + " (see: "
                    + e.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
            return 2;
        });
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
