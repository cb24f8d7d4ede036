package dev.flowlab.lab.experiment;

import dev.flowlab.dataplane.FailMode;
import dev.flowlab.dataplane.OvsBridge;
import dev.flowlab.dataplane.PingResult;
import dev.flowlab.lab.Lab;
import dev.flowlab.lab.LabSpec;
import dev.flowlab.lab.Progress;
import dev.flowlab.lab.traffic.LabHost;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three phases for one fail-mode on a freshly built network: controller up (pingall, first
 * packet, iperf), controller stopped (continuous probes, flow tables), controller back (reconnect,
 * recovery, pingall).
 */
final class ModeRun {
    /** Longest wait for the probes to work again after the restart. */
    private static final Duration RECOVERY_TIMEOUT = Duration.ofSeconds(30);
    /** Each pingall ping's wait for its reply: room for ARP plus a reactive controller's first flow set-up. */
    private static final Duration PING_WAIT = Duration.ofSeconds(3);
    /** Consecutive replies after the restart that count as "working again". */
    private static final int STABLE_REPLIES = 5;

    private final Settings settings;
    private final Progress progress;
    private volatile String datapathType = "unknown";

    ModeRun(Settings settings, Progress progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /** The pair that talks before the outage (first and last host: the longest path in linear/tree). */
    static List<String> establishedPair(List<String> hosts) {
        return List.of(hosts.get(0), hosts.get(hosts.size() - 1));
    }

    /** A pair that never talks before the outage: not the established pair when there are 4+ hosts. */
    static List<String> freshPair(List<String> hosts) {
        return hosts.size() >= 4 ? List.of(hosts.get(1), hosts.get(hosts.size() - 2)) : List.of(hosts.get(1), hosts.get(0));
    }

    ModeResult run(FailMode mode) throws Exception {
        return run(mode, new ControllerStop(), mode.ovsName());
    }

    /**
     * One run on a fresh lab whose controller {@code outage} sets up, takes away and brings back.
     *
     * @param label what the report calls the run
     */
    ModeResult run(FailMode mode, Outage outage, String label) throws Exception {
        progress.heading("== " + (label.equals(mode.ovsName()) ? "fail-mode " + label : label));
        LabSpec spec = new LabSpec(settings.topology(), settings.apps(), outage.controller(), mode, settings.prefix());
        try (Lab lab = Lab.start(spec, progress)) {
            SwitchSetup.tuneControllers(lab, settings);
            datapathType = lab.network().datapathType();
            List<String> names = lab.hosts().stream().map(LabHost::name).toList();
            LabHost a = lab.host(establishedPair(names).get(0)).orElseThrow();
            LabHost b = lab.host(establishedPair(names).get(1)).orElseThrow();
            LabHost c = lab.host(freshPair(names).get(0)).orElseThrow();
            LabHost d = lab.host(freshPair(names).get(1)).orElseThrow();

            ModeResult.Pingall up = pingall(lab, "pingall (controller up)");
            SwitchSetup.forget(lab, settings.apps());
            ModeResult.FirstPacket first = Measurements.firstPacket(lab, a, b);
            Progress.Stage step = progress.step("iperf " + a.name() + " -> " + b.name());
            double mbits = lab.network().iperfTcp(a.namespace(), b.namespace(), settings.iperf()).receivedMbits();
            step.done(String.format("%.0f Mbit/s", mbits));

            Map<String, OvsBridge> bridges = new LinkedHashMap<>();
            lab.switchNames().forEach(s -> bridges.put(s, lab.network().bridge(s)));
            double interval = settings.probeInterval().toMillis() / 1000.0;
            try (FlowSampler flows = new FlowSampler(bridges, settings.flowSampling().toMillis());
                 PingProbe established = PingProbe.start(lab, a, b, interval)) {
                Measurements.awaitReplies(established, 0, STABLE_REPLIES, Duration.ofSeconds(10));
                step = progress.step("controller down");
                double down = now();
                String stopped = outage.stop(lab);
                try (PingProbe fresh = PingProbe.start(lab, c, d, interval)) {
                    Measurements.waitUntil(down + settings.down().toMillis() / 1000.0 - 3);
                    ModeResult.Pingall whileDown = pingall(lab, "pingall (controller down)");
                    Measurements.waitUntil(down + settings.down().toMillis() / 1000.0);
                    step.done(String.format("%s, for %.1f s", stopped, now() - down));

                    step = progress.step("controller back");
                    double upAt = now();
                    outage.start(lab);
                    if (!outage.awaitSwitches(lab, Duration.ofSeconds(60))) {
                        throw new IllegalStateException("switches did not reconnect within 60 s after the controller came back");
                    }
                    double reconnect = now() - upAt;
                    boolean recovered = Measurements.awaitReplies(established, upAt, STABLE_REPLIES, RECOVERY_TIMEOUT)
                            & Measurements.awaitReplies(fresh, upAt, STABLE_REPLIES, RECOVERY_TIMEOUT);
                    step.done(String.format("switches reconnected after %.2f s%s", reconnect,
                            recovered ? "" : "; a probe did not recover within " + RECOVERY_TIMEOUT.toSeconds() + " s"));
                    established.close();
                    fresh.close();
                    ModeResult.Pingall after = pingall(lab, "pingall (controller back)");
                    flows.close();  // after the pingall: the table the controller rebuilt is part of the story
                    return new ModeResult(mode, up, first, mbits, down, upAt, reconnect,
                            pairRun(established, down, upAt), pairRun(fresh, down, upAt), whileDown, after,
                            flows.samples(), label, outage.failover(lab));
                }
            }
        }
    }

    private ModeResult.PairRun pairRun(PingProbe probe, double down, double up) {
        List<ProbeSample> samples = probe.samples();
        return new ModeResult.PairRun(probe.source().name(), probe.destination().name(), samples,
                PairSummary.of(samples, down, up));
    }

    private ModeResult.Pingall pingall(Lab lab, String label) {
        Progress.Stage step = progress.step(label);
        long start = System.nanoTime();
        PingResult m = lab.network().pingAll(PING_WAIT);
        double seconds = (System.nanoTime() - start) / 1e9;
        step.done(String.format("%d/%d received, %.0f%% loss, %.2f s", m.received(), m.sent(), m.lossPercent(), seconds));
        return new ModeResult.Pingall(m.sent(), m.received(), m.lossPercent(), seconds,
                m.failures().stream().map(p -> lab.userName(p.from()) + "->" + lab.userName(p.to())).toList());
    }

    /** The OVS datapath type of the last network built (netdev or system). */
    String datapathType() {
        return datapathType;
    }

    static double now() {
        return System.currentTimeMillis() / 1000.0;
    }
}
