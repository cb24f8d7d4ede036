package dev.flowlab.cli;

import dev.flowlab.controller.Controller;
import dev.flowlab.lab.Lab;
import dev.flowlab.lab.LabSpec;
import dev.flowlab.cli.output.Console;
import dev.flowlab.cli.shell.CommandTable;
import dev.flowlab.cli.shell.LineRunner;
import dev.flowlab.cli.shell.Shell;
import dev.flowlab.cli.shell.ShellCompleter;
import dev.flowlab.lab.traffic.LabHost;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** One {@code flowlab run}: start the lab, then a test, a script or the shell, then tear down. */
final class LabRun {
    private final Console console;

    LabRun(Console console) {
        this.console = console;
    }

    /**
     * @param test   {@code pingall}, {@code iperf} or null
     * @param script a file of shell commands, or null
     * @return the process exit code: 0 when everything asked for succeeded
     */
    int run(LabSpec spec, String test, Path script) throws Exception {
        try (Lab lab = Lab.start(spec, console)) {
            lab.embeddedController().flatMap(Controller::restAccess).ifPresent(a -> console.println(RestBanner.token(a)));
            lab.controllerProcesses().ifPresent(p -> p.members().forEach(m -> console.println(RestBanner.member(m))));
            TrafficCommands traffic = new TrafficCommands(lab, console);
            if ("pingall".equals(test)) {
                return traffic.pingall() ? 0 : 1;
            }
            if ("iperf".equals(test)) {
                return traffic.iperf(List.of()) ? 0 : 1;
            }
            Shell shell = shell(lab, traffic);
            if (script != null) {
                try (BufferedReader lines = Files.newBufferedReader(script)) {
                    return shell.script(lines);
                }
            }
            if (System.console() != null) {
                shell.interactive();
                return 0;
            }
            return shell.script(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
        }
    }

    private Shell shell(Lab lab, TrafficCommands traffic) {
        CommandTable table = new CommandTable();
        new ViewCommands(lab, console).register(table);
        traffic.register(table);
        new ControlCommands(lab, console).register(table);
        new CaptureCommands(lab, console).register(table);
        table.add("exit", "exit", "tear everything down and leave (also quit, Ctrl-D)", CommandTable.Completes.NOTHING,
                inv -> true).alias("quit", "exit");
        Set<String> hostNames = new HashSet<>(lab.hosts().stream().map(LabHost::name).collect(Collectors.toSet()));
        LineRunner runner = new LineRunner(table, () -> hostNames, traffic::inHost, console);
        return new Shell(runner, new ShellCompleter(table, () -> hostNames, lab::switchNames), console);
    }
}
