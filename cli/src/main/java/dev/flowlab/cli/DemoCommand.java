package dev.flowlab.cli;

import dev.flowlab.lab.Lab;
import dev.flowlab.lab.LabSpec;
import dev.flowlab.lab.ControllerChoice;
import dev.flowlab.cli.output.Console;
import dev.flowlab.dataplane.FailMode;
import dev.flowlab.lab.traffic.LabHost;
import dev.flowlab.topologies.Topologies;
import dev.flowlab.topologies.Topology;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flowlab demo}: the whole tour in one command, for a first run on a new machine. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {
            "Builds a tree network (depth 2, fanout 2: 3 switches, 4 hosts) controlled by the embedded "
                    + "controller running the learning switch, then: pingall, a short iperf3 between the "
                    + "first and last host, and the flows the learning switch installed. Tears everything down.",
            "Exit code 0 when every step worked."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  flowlab demo",
            "  flowlab demo --apps hub",
            "      the same with the hub app (no flows: the controller floods every packet)",
            "  flowlab demo --depth 3 --fanout 3",
            "      a bigger tree: 13 switches, 27 hosts"})
public final class DemoCommand implements Callable<Integer> {
    private static final int SHOWN_FLOWS = 4;

    @Mixin
    AppsOption apps;

    @Option(names = "--depth", paramLabel = "N", defaultValue = "2", description = "depth of the tree (default: ${DEFAULT-VALUE})")
    int depth;

    @Option(names = "--fanout", paramLabel = "N", defaultValue = "2", description = "fanout of the tree (default: ${DEFAULT-VALUE})")
    int fanout;

    @Option(names = "--prefix", paramLabel = "TEXT", defaultValue = "",
            description = "put TEXT before every namespace and bridge name")
    String prefix;

    @Override
    public Integer call() throws Exception {
        Console console = Console.system();
        Topology topology = Topologies.tree(depth, fanout);
        LabSpec spec = new LabSpec(topology, apps.checked(), ControllerChoice.EMBEDDED, FailMode.SECURE, prefix);
        console.println(console.bold("flowlab demo") + console.dim(String.format(
                "  tree depth %d fanout %d, embedded controller with %s, OVS fail-mode secure", depth, fanout,
                String.join(",", apps.given()))));
        long start = System.nanoTime();
        boolean ok;
        try (Lab lab = Lab.start(spec, console)) {
            TrafficCommands traffic = new TrafficCommands(lab, console);
            boolean pinged = traffic.pingall();
            List<LabHost> hosts = lab.hosts();
            boolean measured = traffic.iperf(hosts.get(0), hosts.get(hosts.size() - 1), 1);
            boolean flowsShown = showFlows(lab, console);
            ok = pinged && measured && flowsShown;
        }
        String total = dev.flowlab.cli.output.Step.seconds(java.time.Duration.ofNanos(System.nanoTime() - start));
        console.println(ok ? console.green("demo passed") + console.dim(" in " + total)
                + "   next: flowlab run --topo tree,2,2   (the flowlab> shell; type help)"
                : console.red("demo failed") + console.dim(" in " + total) + "   (FLOWLAB_LOG=debug flowlab demo shows more)");
        return ok ? 0 : 1;
    }

    /** Each switch's busiest flows: the full tables are one {@code flows} away in the shell. */
    private static boolean showFlows(Lab lab, Console console) {
        var step = console.step("flows");
        List<String> lines = new java.util.ArrayList<>();
        int total = 0;
        try {
            for (String sw : lab.switchNames()) {
                Lab.FlowTable table = lab.flows(sw);
                total += table.brief().size();
                lines.add(console.bold(sw) + console.dim("  " + Lab.count(table.brief().size(), "flow")
                        + (table.brief().size() > SHOWN_FLOWS ? ", the " + SHOWN_FLOWS + " busiest:" : ":")));
                table.brief().stream().limit(SHOWN_FLOWS).forEach(line -> lines.add("  " + line));
            }
        } catch (Exception e) {
            step.fail("could not read flows: " + e.getMessage());
            return false;
        }
        step.done(total + " entries on " + lab.switchNames().size() + " switches (flow stats via the controller)");
        lines.forEach(line -> console.println("      " + line));
        return true;
    }
}
