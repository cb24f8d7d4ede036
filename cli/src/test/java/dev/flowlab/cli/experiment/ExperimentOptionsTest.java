package dev.flowlab.cli.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flowlab.cli.Main;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ExperimentOptionsTest {
    /** The report quotes the command as typed: the mixin must see the experiment command it is part of. */
    @Test
    void quotesTheCommandLineOfEitherExperiment() {
        for (String name : new String[] {"failmode", "failover"}) {
            CommandLine root = Main.commandLine();
            CommandLine.ParseResult parsed = root.parseArgs("experiment", name, "--topo", "linear,3", "--duration", "20s");
            Object command = parsed.subcommand().subcommand().commandSpec().userObject();
            ExperimentOptions options = command instanceof FailModeCommand f ? f.options : ((FailoverCommand) command).options;
            assertEquals("flowlab experiment " + name + " --topo linear,3 --duration 20s", options.commandLine());
        }
    }
}
