package dev.flowlab.cli;

import dev.flowlab.controller.RestConfig;
import dev.flowlab.controller.rest.RestTokenFiles;
import dev.flowlab.dataplane.Cleanup;
import dev.flowlab.dataplane.CleanupReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code flowlab clean}: removes what crashed flowlab runs left (namespaces, veths, OVS bridges,
 * processes in their hosts, controller processes, REST token files of killed controllers), and nothing else. Unlike {@code mn -c} it never touches bridges,
 * interfaces or processes flowlab did not make, nor runs of flowlab processes still alive.
 */
@Command(name = "clean", mixinStandardHelpOptions = true,
        description = "Remove what crashed flowlab runs left behind: their namespaces, veths, Open vSwitch bridges, "
                + "processes and the REST token files of killed controllers (and those older flowlab versions left in "
                + "/run/flowlab, for ports nobody listens on). Only things flowlab recorded as its own; "
                + "runs of live flowlab processes are kept.")
public final class CleanCommand implements Callable<Integer> {
    @Option(names = "--force", description = "Also remove runs whose flowlab process is still alive.")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CleanupReport report = Cleanup.sweep(force).plus(abandonedTokens());
        PrintWriter out = spec.commandLine().getOut();
        if (report.removed().isEmpty()) {
            out.println("flowlab clean: nothing to remove");
        } else {
            out.println("flowlab clean: removed " + report.removed().size() + ":");
            report.removed().forEach(r -> out.println("  " + r));
        }
        report.kept().forEach(k -> out.println("flowlab clean: kept " + k + "; --force removes it"));
        PrintWriter err = spec.commandLine().getErr();
        report.errors().forEach(e -> err.println("flowlab clean: could not remove: " + e));
        out.flush();
        return report.ok() ? 0 : 1;
    }

    /**
     * REST token files of controllers killed with SIGKILL, and those older flowlab versions left (no owner record)
     * whose port nobody listens on now; a live controller's stay, even with --force.
     */
    private static CleanupReport abandonedTokens() {
        try {
            List<String> removed = new ArrayList<>();
            RestTokenFiles.removeAbandoned(RestConfig.DEFAULT_TOKEN_DIR).forEach(f -> removed.add("REST token file " + f));
            RestTokenFiles.removeOwnerless(RestConfig.DEFAULT_TOKEN_DIR).forEach(f -> removed.add("REST token file " + f
                    + " (an older flowlab's: no owner record, nothing listens on its port)"));
            return new CleanupReport(removed, List.of(), List.of());
        } catch (IllegalStateException e) {
            return new CleanupReport(List.of(), List.of(), List.of(e.getMessage()));
        }
    }
}
