package dev.flowlab.bench.dataplane;

import dev.flowlab.bench.controller.BenchException;
import dev.flowlab.topologies.TopologySpec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The dataplane benchmark: for each topology, flowlab's wall time to build it, to get the first ping from
 * the first host to the last answered, and to tear it down, plus memory per host; optionally Mininet on the
 * same topology right after, in one side-by-side table with the ratio of the totals; optionally Open vSwitch
 * alone ({@link OvsAloneRun}: the same bridges and ports with no tool around them, the floor under any). Every row
 * carries the 1-minute load average it was measured under: on a busy machine the figures are not a quiet one's.
 */
public final class DataplaneBench {
    private final List<String> specs;
    private final boolean compareMininet;
    private final boolean compareOvs;
    private final String prefix;

    /**
     * @param specs          topologies as {@code flowlab run} takes them ({@code linear,100}, {@code tree,3,10})
     * @param compareMininet also run Debian's Mininet on each
     * @param compareOvs     also make and delete each topology's bridges and ports with ip and ovs-vsctl alone
     * @param prefix         name prefix of everything built (flowlab's and Mininet's), so a shared machine's
     *                       other networks are never touched
     */
    public DataplaneBench(List<String> specs, boolean compareMininet, boolean compareOvs, String prefix) {
        specs.forEach(TopologySpec::parse);   // a bad spec fails here, before anything is built
        if (!prefix.matches("[a-z][a-z0-9]{0,3}")) {
            throw new BenchException("--prefix takes 1-4 lower-case letters or digits, starting with a letter, not '" + prefix + "'");
        }
        specs.stream().filter(s -> compareMininet && !s.matches("(linear,\\d+|tree,\\d+,\\d+|single,\\d+)")).findFirst()
                .ifPresent(s -> {
                    throw new BenchException("--compare mininet takes linear,N tree,D,F or single,N, not '" + s + "'");
                });
        this.specs = List.copyOf(specs);
        this.compareMininet = compareMininet;
        this.compareOvs = compareOvs;
        this.prefix = prefix;
    }

    /** Runs every topology in turn, printing each row as it is measured. @return whether every last host answered */
    public boolean run(PrintWriter out) {
        if (compareMininet) {
            MininetRun.requireMininet();
        }
        out.println("# " + MachineFacts.describe());
        out.println("# standalone userspace OVS switches, no controller; seconds; load = 1-minute load average");
        out.println(header());
        out.flush();
        boolean ok = true;
        for (String spec : specs) {
            DataplaneRun flowlab = FlowlabRun.measure(spec, prefix);
            DataplaneRun mininet = compareMininet ? MininetRun.measure(spec, prefix + "m") : null;
            DataplaneRun ovs = compareOvs ? OvsAloneRun.measure(spec, prefix + "o") : null;
            out.println(row(flowlab, mininet, ovs));
            out.flush();
            ok &= flowlab.answered() && (mininet == null || mininet.answered());
        }
        return ok;
    }

    private String header() {
        List<String> cols = new ArrayList<>(List.of("topology", "hosts", "load", "build", "ping", "teardown", "total", "KiB/host"));
        if (compareMininet) {
            cols.addAll(List.of("mn load", "mn build", "mn ping", "mn stop", "mn total", "mn KiB/host", "mn/flowlab"));
        }
        if (compareOvs) {
            cols.addAll(List.of("ovs load", "ovs build", "ovs teardown"));
        }
        return "| " + String.join(" | ", cols) + " |\n|" + "---|".repeat(cols.size());
    }

    static String row(DataplaneRun f, DataplaneRun m, DataplaneRun ovs) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "| %s | %d | %s | %s |", f.spec(), f.hosts(),
                f.load(), times(f)));
        if (m != null) {
            s.append(String.format(Locale.ROOT, " %s | %s | %s |", m.load(), times(m),
                    f.answered() && m.answered() ? String.format(Locale.ROOT, "%.1fx", m.total() / f.total()) : "-"));
        }
        if (ovs != null) {
            s.append(String.format(Locale.ROOT, " %s | %.2f | %.2f |", ovs.load(), ovs.build(), ovs.teardown()));
        }
        return s.toString();
    }

    private static String times(DataplaneRun r) {
        return String.format(Locale.ROOT, "%.2f | %s | %.2f | %s | %.0f", r.build(),
                r.answered() ? String.format(Locale.ROOT, "%.2f", r.ping()) : "no reply", r.teardown(),
                r.answered() ? String.format(Locale.ROOT, "%.2f", r.total()) : "-", r.kibPerHost());
    }
}
