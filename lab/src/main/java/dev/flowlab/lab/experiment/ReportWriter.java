package dev.flowlab.lab.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** report.md: readable on its own, numbers from {@link ExperimentResult} only. */
public final class ReportWriter {
    private ReportWriter() {
    }

    static String markdown(ExperimentResult r, List<String> plots) {
        ExperimentResult.Setup s = r.setup();
        StringBuilder md = new StringBuilder();
        md.append("# Fail-mode experiment: standalone vs secure\n\n");
        setup(md, r, "embedded controller", "Controller stopped");
        md.append("## What each mode did\n\n");
        for (ModeResult m : r.modes()) {
            md.append("- **").append(m.mode()).append("**: ").append(story(m)).append("\n");
        }
        md.append("\n## Numbers\n\n");
        summaryTable(r).forEach(l -> md.append(l).append("\n"));
        md.append("\nTimes after \"stop\" are measured from the moment the controller closed its listener and "
                + "connections; times after \"restart\" from the moment it listened again. Each comes from ping's own "
                + "timestamps (`-D`): a reply's send time is its receive time minus its RTT.\n\n");
        md.append("## Why\n\n");
        md.append(fmt("- **standalone**: OVS keeps the controller's flows, but packets that miss them go to the "
                + "controller and are lost while it is away. Only when the connection has failed for three inactivity-"
                + "probe intervals (3 x %.0f s: idle, probe, reconnect attempt) does OVS *fail open*: it adds a "
                + "hidden flow that sends everything through its NORMAL pipeline, a plain MAC-learning switch, so every "
                + "pair talks again (the flow-table samples show whether OVS also cleared the controller's flows at that moment). When the controller returns, OVS leaves fail-open mode and the controller is in "
                + "charge again.\n", s.inactivityProbeMs() / 1000.0));
        md.append("- **secure**: OVS never forwards on its own. The flows already in the table stay and keep "
                + "matching (the established pair keeps working until its flows idle out; the learning switch's idle "
                + "timeout is 60 s and the probe keeps them busy), but nothing can install new ones, so a pair that "
                + "never talked cannot even resolve ARP. Once the switches reconnect the controller sets up flows "
                + "again.\n");
        md.append("\nBefore the first-packet measurement the apps' flow entries (by cookie) and the hosts' ARP caches "
                + "are cleared, so the established pair's first echo pays for ARP and reactive flow set-up, and the "
                + "fresh pair has really never talked when the controller stops.\n\n");
        plots(md, plots);
        return md.toString();
    }

    /** The setup section (and the command) shared by the experiments' reports. */
    static void setup(StringBuilder md, ExperimentResult r, String controllers, String downWord) {
        ExperimentResult.Setup s = r.setup();
        md.append("## Setup\n\n");
        md.append("- Topology: `").append(s.topology()).append("` (").append(s.hosts()).append(" hosts, ")
                .append(s.switches()).append(" switches), apps: `").append(String.join(",", s.apps())).append("`\n");
        md.append("- Open vSwitch: ").append(s.ovsVersion()).append(", datapath type `").append(s.datapathType())
                .append("`; controller record: inactivity_probe=").append(s.inactivityProbeMs())
                .append(" ms, max_backoff=").append(s.maxBackoffMs()).append(" ms\n");
        md.append("- ").append(s.flowlabVersion()).append(" (").append(controllers).append("), ").append(s.kernel()).append(", ")
                .append(s.java()).append(", started ").append(s.startedAt()).append("\n");
        md.append("- Established pair (talked before the stop): ").append(s.establishedPair())
                .append("; fresh pair (never talked before the stop): ").append(s.freshPair()).append("\n");
        md.append(fmt("- " + downWord + " for %.0f s per run; probes: `ping -D -O -i %.2f`; flow tables sampled "
                + "every 0.5 s with `ovs-ofctl -O OpenFlow13 dump-flows`\n", s.downSeconds(), s.probeIntervalSeconds()));
        md.append("\nCommand:\n\n```\n").append(r.command()).append("\n```\n\n");
    }

    /** The plots section, closing a report. */
    static void plots(StringBuilder md, List<String> plots) {
        md.append("## Plots\n\n");
        plots.forEach(p -> md.append("![").append(p).append("](").append(p).append(")\n\n"));
        md.append("Raw samples (every probe, every flow-table sample): `results.json`.\n");
    }

    /** One run in a sentence: what the pairs saw while the controller was away, and after it came back. */
    static String story(ModeResult m) {
        PairSummary e = m.established().summary();
        PairSummary f = m.fresh().summary();
        String established = fmt("%s delivered %.0f%% while the controller was down", m.established().label(),
                e.deliveredDownPercent());
        String fresh = f.firstReplyAfterDown() == null
                ? m.fresh().label() + " got no reply at all while it was down"
                : fmt("%s got its first reply %.1f s after the stop", m.fresh().label(), f.firstReplyAfterDown());
        return fmt("%s; %s; %s; pingall just before the restart lost %.0f%%; switches were back %.2f s after the restart "
                + "and pingall then lost %.0f%%.", established, fresh, flowChange(m), m.pingallDown().lossPercent(), m.reconnect(),
                m.pingallAfter().lossPercent());
    }

    /** How the first switch's flow table changed while the controller was down, from the samples. */
    static String flowChange(ModeResult m) {
        String sw = firstSwitch(m);
        List<FlowSample> mine = m.flowSamples().stream().filter(f -> f.switchName().equals(sw)).toList();
        FlowSample before = mine.stream().filter(f -> f.at() < m.controllerDown()).reduce((a, b) -> b).orElse(null);
        if (before == null) {
            return "no flow-table sample before the stop";
        }
        return mine.stream().filter(f -> f.at() >= m.controllerDown() && f.at() < m.controllerUp())
                .filter(f -> f.count() != before.count()).findFirst()
                .map(f -> fmt("%s's flow table went from %d to %d entries %.1f s after the stop", sw, before.count(),
                        f.count(), f.at() - m.controllerDown()))
                .orElse(fmt("%s kept its %d flow entries throughout", sw, before.count()));
    }

    /** The numbers as a Markdown table, one column per mode. */
    public static List<String> summaryTable(ExperimentResult r) {
        List<String> rows = new ArrayList<>();
        StringBuilder head = new StringBuilder("| |");
        StringBuilder rule = new StringBuilder("|---|");
        r.modes().forEach(m -> {
            head.append(' ').append(m.label()).append(" |");
            rule.append("---|");
        });
        rows.add(head.toString());
        rows.add(rule.toString());
        ModeResult any = r.modes().get(0);
        String est = any.established().label();
        String fresh = any.fresh().label();
        row(rows, r, "pingall, controller up: loss, time", m -> fmt("%.0f%%, %.2f s", m.pingallUp().lossPercent(), m.pingallUp().seconds()));
        row(rows, r, "first-packet / steady RTT " + any.firstPacket().source() + "->" + any.firstPacket().destination(),
                m -> fmt("%.2f / %.3f ms", m.firstPacket().firstMs(), m.firstPacket().steadyMs()));
        row(rows, r, "iperf3 TCP " + est, m -> fmt("%.0f Mbit/s", m.iperfMbits()));
        row(rows, r, est + " delivered while down", m -> fmt("%.0f%% (%d/%d)", m.established().summary().deliveredDownPercent(),
                m.established().summary().repliedDown(), m.established().summary().sentDown()));
        row(rows, r, est + " longest gap while down", m -> fmt("%.1f s", m.established().summary().longestGapDown()));
        row(rows, r, fresh + " first reply while down (after stop)", m -> seconds(m.fresh().summary().firstReplyAfterDown(), "never"));
        row(rows, r, fresh + " delivered while down", m -> fmt("%.0f%% (%d/%d)", m.fresh().summary().deliveredDownPercent(),
                m.fresh().summary().repliedDown(), m.fresh().summary().sentDown()));
        row(rows, r, "pingall just before restart: loss", m -> fmt("%.0f%%", m.pingallDown().lossPercent()));
        row(rows, r, "switches reconnected after restart", m -> fmt("%.2f s", m.reconnect()));
        row(rows, r, fresh + " working after restart", m -> seconds(m.fresh().summary().workingAfterUp(), "not working"));
        row(rows, r, "pingall after restart: loss", m -> fmt("%.0f%%", m.pingallAfter().lossPercent()));
        row(rows, r, "flows on " + firstSwitch(any) + ": before stop / while down / end", ReportWriter::flowCounts);
        if (r.modes().stream().anyMatch(m -> m.failover() != null)) {
            row(rows, r, "new master has every switch (after kill)", m -> m.failover() == null ? "-"
                    : seconds(m.failover().takeoverSeconds(), "never") + (m.failover().newMaster() == null ? ""
                    : " (controller " + m.failover().newMaster() + ")"));
            row(rows, r, "generation id: killed master / new master", m -> m.failover() == null ? "-"
                    : m.failover().generationBefore() + " / " + m.failover().generationAfter());
            row(rows, r, "restarted controller becomes", m -> m.failover() == null ? "-" : m.failover().restartedBecomes());
        }
        return rows;
    }

    private static String firstSwitch(ModeResult m) {
        return m.flowSamples().isEmpty() ? "s1" : m.flowSamples().get(0).switchName();
    }

    /** Flow entries on the first switch: last sample before the stop, min-max while down, last sample. */
    static String flowCounts(ModeResult m) {
        String sw = firstSwitch(m);
        List<FlowSample> mine = m.flowSamples().stream().filter(f -> f.switchName().equals(sw)).toList();
        if (mine.isEmpty()) {
            return "no samples";
        }
        int before = mine.stream().filter(f -> f.at() < m.controllerDown()).reduce((a, b) -> b).map(FlowSample::count).orElse(-1);
        var down = mine.stream().filter(f -> f.at() >= m.controllerDown() && f.at() < m.controllerUp())
                .mapToInt(FlowSample::count).summaryStatistics();
        return fmt("%s / %d-%d / %d", before < 0 ? "-" : String.valueOf(before), down.getMin(), down.getMax(),
                mine.get(mine.size() - 1).count());
    }

    private static void row(List<String> rows, ExperimentResult r, String label, Function<ModeResult, String> cell) {
        StringBuilder line = new StringBuilder("| ").append(label).append(" |");
        r.modes().forEach(m -> line.append(' ').append(cell.apply(m)).append(" |"));
        rows.add(line.toString());
    }

    private static String seconds(Double value, String none) {
        return value == null ? none : fmt("%.1f s", value);
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
