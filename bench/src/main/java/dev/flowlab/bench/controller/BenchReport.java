package dev.flowlab.bench.controller;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The bench's output: a line per loop as it ends, a one-line summary per run, a table comparing the runs. */
final class BenchReport {
    private final PrintWriter out;
    private final LoadSettings settings;
    private final List<String[]> table = new ArrayList<>();
    private final BenchJson json;

    BenchReport(PrintWriter out, LoadSettings settings) {
        this.out = out;
        this.settings = settings;
        this.json = new BenchJson(settings);
    }

    void header() {
        out.printf(Locale.ROOT, "flowlab bench controller: %d switches x %,d MACs on %d ports each, unbuffered packet-ins, "
                        + "%d loops x %d ms (first %d warm-up), window %d, %d generator thread%s%n",
                settings.switches(), settings.macs(), settings.ports(), settings.loops(), settings.loop().toMillis(),
                settings.warmupLoops(), settings.window(), settings.threads(), settings.threads() == 1 ? "" : "s");
        out.flush();
    }

    void runStarts(String target, Mode mode) {
        out.printf(Locale.ROOT, "%n== %s, %s mode%n", target, mode.label());
        out.flush();
    }

    LoadListener listener(Mode mode) {
        return new LoadListener() {
            @Override
            public void learned(double seconds, boolean complete) {
                BenchReport.this.learned(seconds, complete);
            }

            @Override
            public void loop(LoopSample loop) {
                BenchReport.this.loop(loop, mode);
            }
        };
    }

    private void learned(double seconds, boolean complete) {
        if (complete) {
            out.printf(Locale.ROOT, "learning: every switch's %,d hosts sent a packet-in and got an answer in %.2f s%n", settings.macs(), seconds);
        } else {
            out.printf(Locale.ROOT, "learning: not every host's first packet-in was answered after %.0f s; measuring anyway "
                    + "(a slow controller: its loops may count floods rather than flows)%n", seconds);
        }
        out.flush();
    }

    private void loop(LoopSample loop, Mode mode) {
        String extra = mode == Mode.LATENCY && loop.packetOuts() > 0
                ? String.format(Locale.ROOT, ", mean round trip %.0f us", settings.switches() * 1e6 / loop.packetOutsPerSecond())
                : "";
        String unanswered = loop.unanswered() > 0 ? String.format(Locale.ROOT, ", %,d unanswered", loop.unanswered()) : "";
        out.printf(Locale.ROOT, "loop %2d/%d %-8s %,11.0f answered/s  (flow-mods %,.0f/s, packet-outs %,.0f/s, packet-ins sent %,.0f/s%s%s)  %d/%d switches answered%n",
                loop.number(), settings.loops(), loop.warmup() ? "warm-up" : "", loop.answeredPerSecond(),
                loop.flowModsPerSecond(), loop.packetOutsPerSecond(), loop.packetInsPerSecond(), extra, unanswered,
                loop.switchesAnswering(), settings.switches());
        out.flush();
    }

    void summary(String target, Mode mode, LoadResult result) {
        int measured = result.measuredRates().length;
        out.printf(Locale.ROOT, "%s %s: min %,.0f  median %,.0f  max %,.0f packet-ins answered/s  (%d loops of %d ms, %d/%d switches did the handshake%s; CPU: controller %s; generator %.2f cores)%n",
                target, mode.label(), result.min(), result.median(), result.max(), measured, settings.loop().toMillis(),
                result.handshakes(), settings.switches(),
                result.totalUnanswered() > 0 ? String.format(Locale.ROOT, ", %,d packet-ins unanswered", result.totalUnanswered()) : "",
                Double.isNaN(result.controllerCores()) ? "unknown"
                        : String.format(Locale.ROOT, "%.2f cores = %,.0f answered per CPU-second", result.controllerCores(),
                                result.mean() / result.controllerCores()),
                result.generatorCores());
        if (result.totalResponses() == 0) {
            out.println("note: the controller answered no packet-in with a FLOW_MOD or PACKET_OUT: does it run a forwarding app?");
        }
        out.flush();
        table.add(new String[] {target, mode.label(), number(result.min()), number(result.median()), number(result.max())});
        json.result(target, mode, result);
    }

    void failed(String target, Mode mode, String error) {
        table.add(new String[] {target, mode.label(), "failed", "", ""});
        json.failure(target, mode, error);
    }

    /** Writes every run so far as JSON to {@code file}. */
    void writeJson(java.nio.file.Path file) {
        json.write(file);
    }

    /** The comparison table, when more than one run was made. */
    void comparison() {
        if (table.size() < 2) {
            return;
        }
        int width = Math.max("controller".length(), table.stream().mapToInt(r -> r[0].length()).max().orElse(0));
        String format = "%-" + width + "s  %-10s  %12s  %12s  %12s%n";
        out.printf(Locale.ROOT, "%n== packet-ins answered/s (PACKET_OUTs: each answer carries one), %d switches x %,d MACs%n", settings.switches(), settings.macs());
        out.printf(Locale.ROOT, format, "controller", "mode", "min", "median", "max");
        for (String[] row : table) {
            out.printf(Locale.ROOT, format, (Object[]) row);
        }
        out.flush();
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }
}
