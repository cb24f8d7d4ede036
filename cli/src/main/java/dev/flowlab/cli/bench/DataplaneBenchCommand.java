package dev.flowlab.cli.bench;

import dev.flowlab.bench.controller.FirstPacketBench;
import dev.flowlab.bench.controller.SpawnSpec;
import dev.flowlab.bench.dataplane.DataplaneBench;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code flowlab bench dataplane}: build / first ping / teardown times, optionally beside Mininet's. */
@Command(name = "dataplane", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 110,
        description = {
                "For each topology: seconds to build it (standalone userspace OVS switches, no controller), until the "
                        + "first host's ping of the last host is answered, and to tear it down; memory per host; "
                        + "the load average each row was measured under.",
                "With --compare mininet, Debian's Mininet builds the same topology right after (its own name prefix, "
                        + "its own clean-up only, never mn -c), in the same table with the ratio of the totals."},
        footer = {"", "Examples:",
                "  flowlab bench dataplane linear,100 tree,2,10",
                "  flowlab bench dataplane --compare mininet linear,100 tree,3,10",
                "  flowlab bench dataplane --first-packet --runs 5"})
public final class DataplaneBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--compare", paramLabel = "TOOL", split = ",",
            description = "Also run this on each topology: mininet (Debian's Mininet), ovs (the same bridges and ports "
                    + "made and deleted with ip and ovs-vsctl alone: the floor under any tool), or mininet,ovs.")
    List<String> compare = List.of();

    @Option(names = "--prefix", paramLabel = "P", defaultValue = "bd",
            description = "Name prefix of everything built, 1-4 letters/digits (default ${DEFAULT-VALUE}; Mininet's gets P + m).")
    String prefix;

    @Option(names = "--first-packet",
            description = "Also measure the first reply's RTT, h1 -> h10 on linear,10 with secure switches, under "
                    + "flowlab's learning-switch and under ovs-testcontroller (a fresh controller and network each run).")
    boolean firstPacket;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "5",
            description = "Runs per controller for --first-packet; the median is shown (default ${DEFAULT-VALUE}).")
    int runs;

    @Parameters(paramLabel = "TOPO", arity = "0..*",
            description = "Topologies as flowlab run takes them. Example: linear,100 tree,3,10")
    List<String> topologies;

    @Override
    public Integer call() {
        for (String tool : compare) {
            if (!tool.equals("mininet") && !tool.equals("ovs")) {
                spec.commandLine().getErr().println("flowlab: --compare takes mininet or ovs, not '" + tool + "'");
                return 2;
            }
        }
        if ((topologies == null || topologies.isEmpty()) && !firstPacket) {
            spec.commandLine().getErr().println("flowlab: give a topology (e.g. linear,100) or --first-packet");
            return 2;
        }
        // Both built first, so bad input of either is reported before anything is measured.
        DataplaneBench dataplane = topologies == null || topologies.isEmpty() ? null
                : new DataplaneBench(topologies, compare.contains("mininet"), compare.contains("ovs"), prefix);
        FirstPacketBench first = firstPacket ? new FirstPacketBench(List.of(SpawnSpec.parse("flowlab:learning-switch"),
                SpawnSpec.parse("ovs-testcontroller")), runs, prefix) : null;
        boolean ok = dataplane == null || dataplane.run(spec.commandLine().getOut());
        if (first != null) {
            ok &= first.run(spec.commandLine().getOut());
        }
        return ok ? 0 : 1;
    }
}
