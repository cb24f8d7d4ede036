package dev.flowlab.lab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.dataplane.FailMode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report files from a made-up result: complete, parseable, plots of the promised size. */
class ReportFilesTest {
    private static final double DOWN = 1_700_000_000;
    private static final double UP = DOWN + 20;

    @Test
    void writesReportJsonAndPlots(@TempDir Path dir) throws Exception {
        ExperimentResult result = new ExperimentResult("flowlab experiment failmode --topo linear,3",
                new ExperimentResult.Setup("linear,3", 3, 3, List.of("learning-switch"), "netdev", "flowlab 0.1.0",
                        "ovs-vsctl (Open vSwitch) 3.1.0", "Linux 6.1", "Java 17", 5000, 1000, 0.1, 20,
                        "h1->h3", "h2->h1", "2026-11-29T10:00:00Z"),
                List.of(mode(FailMode.STANDALONE, 15), mode(FailMode.SECURE, -1)));
        FailModeExperiment.write(result, dir);

        var json = ReportFilesCheck.check(dir);
        assertThat(json.path("modes").get(1).path("fresh").path("summary").path("repliedDown").asInt()).isZero();
        String md = Files.readString(dir.resolve("report.md"));
        assertThat(md).contains("| h2->h1 first reply while down (after stop) | 15.0 s | never |");
        assertThat(md).contains("s1's flow table went from 4 to 0 entries");
        assertThat(md).contains("s1 kept its 4 flow entries throughout");
    }

    @Test
    void theFailoverReportComparesTheCasesWithTheTakeover(@TempDir Path dir) throws Exception {
        ModeResult single = mode(FailMode.SECURE, -1);
        ModeResult cluster = mode(FailMode.SECURE, 1.2);
        ExperimentResult result = new ExperimentResult("flowlab experiment failover --topo linear,3",
                new ExperimentResult.Setup("linear,3", 3, 3, List.of("learning-switch"), "netdev", "flowlab 0.1.0",
                        "ovs-vsctl (Open vSwitch) 3.1.0", "Linux 6.1", "Java 17", 5000, 8000, 0.1, 20,
                        "h1->h3", "h2->h1", "2026-11-29T10:00:00Z"),
                List.of(relabel(single, "one controller, secure", null), relabel(cluster, "cluster of 3, secure",
                        new ModeResult.Failover(3, 1, 0.81, 2, 1, 2, "SLAVE of 3"))));
        FailoverExperiment.write(result, dir);

        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertThat(json.path("modes").get(1).path("failover").path("newMaster").asInt()).isEqualTo(2);
        assertThat(json.path("modes").get(0).has("failover")).isFalse();
        for (String png : List.of("rtt-one-controller-secure.png", "rtt-cluster-of-3-secure.png", "summary.png", "delivery.png")) {
            assertThat(dir.resolve(png)).isNotEmptyFile();
        }
        String md = Files.readString(dir.resolve("report.md"));
        assertThat(md).contains("| | one controller, secure | cluster of 3, secure |",
                "| new master has every switch (after kill) | - | 0.8 s (controller 2) |",
                "| generation id: killed master / new master | - | 1 / 2 |",
                "| restarted controller becomes | - | SLAVE of 3 |",
                "Controller 2 became master of every switch 0.81 s after controller 1 was killed");
    }

    private static ModeResult relabel(ModeResult m, String label, ModeResult.Failover failover) {
        return new ModeResult(m.failMode(), m.pingallUp(), m.firstPacket(), m.iperfMbits(), m.controllerDown(),
                m.controllerUp(), m.reconnect(), m.established(), m.fresh(), m.pingallDown(), m.pingallAfter(),
                m.flowSamples(), label, failover);
    }

    /** A mode whose fresh pair starts answering {@code failOpen} s after the stop (never when negative). */
    private static ModeResult mode(FailMode name, double failOpen) {
        List<ProbeSample> established = new ArrayList<>();
        List<ProbeSample> fresh = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            double t = DOWN - 1 + i * 0.1;
            established.add(new ProbeSample(i, t, 0.2));
            boolean answers = t >= UP || (failOpen >= 0 && t >= DOWN + failOpen);
            if (t >= DOWN) {
                fresh.add(new ProbeSample(i, t, answers ? 0.3 : null));
            }
        }
        List<FlowSample> flows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            double t = DOWN - 0.5 + i * 0.5;
            int count = failOpen >= 0 && t > DOWN + failOpen && t < UP ? 0 : 4;
            flows.add(new FlowSample(t, "s1", count, java.util.Collections.nCopies(count, "priority=1 actions=output:2")));
        }
        ModeResult.Pingall all = new ModeResult.Pingall(6, 6, 0, 0.5, List.of());
        return new ModeResult(name, all, new ModeResult.FirstPacket("h1", "h3", 5.0, 0.1, List.of(5.0, 0.1, 0.1)), 900,
                DOWN, UP, 0.4, new ModeResult.PairRun("h1", "h3", established, PairSummary.of(established, DOWN, UP)),
                new ModeResult.PairRun("h2", "h1", fresh, PairSummary.of(fresh, DOWN, UP)),
                failOpen >= 0 ? all : new ModeResult.Pingall(6, 2, 66.7, 2.9, List.of("h2->h1")), all, flows);
    }
}
