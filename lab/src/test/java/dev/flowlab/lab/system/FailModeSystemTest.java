package dev.flowlab.lab.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowlab.lab.Progress;
import dev.flowlab.lab.experiment.ExperimentResult;
import dev.flowlab.lab.experiment.FailModeExperiment;
import dev.flowlab.lab.experiment.ReportFilesCheck;
import dev.flowlab.lab.experiment.Settings;
import dev.flowlab.testkit.Leftovers;
import dev.flowlab.testkit.SystemTest;
import dev.flowlab.topologies.Topologies;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short fail-mode experiment on linear,3 against real Open vSwitch, asserting what OVS documents:
 * secure keeps installed flows but cannot learn new pairs without its controller; standalone fails
 * open (every pair talks) once three inactivity probes passed; both work again once it returns.
 */
@SystemTest(FailModeSystemTest.PREFIX)
class FailModeSystemTest {
    static final String PREFIX = "fm";

    @Test
    void standaloneFailsOpenSecureKeepsOnlyInstalledFlowsBothRecover(@TempDir Path out) throws Exception {
        Settings settings = new Settings("linear,3", Topologies.linear(3), List.of("learning-switch"), PREFIX,
                Duration.ofSeconds(25), Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofMillis(500));
        try {
            ExperimentResult result = FailModeExperiment.run(settings, "flowlab experiment failmode --topo linear,3", Progress.SILENT);
            FailModeExperiment.write(result, out);
        } finally {
            assertThat(Leftovers.named(PREFIX)).as("namespaces, bridges, veths left behind").isEmpty();
        }
        JsonNode json = ReportFilesCheck.check(out);
        JsonNode standalone = json.path("modes").get(0);
        JsonNode secure = json.path("modes").get(1);

        JsonNode newPair = secure.path("fresh").path("summary");
        assertThat(newPair.path("sentDown").asInt()).as("secure: requests of the never-talked pair").isGreaterThan(100);
        assertThat(newPair.path("repliedDown").asInt()).as("secure: never-talked pair answered while down").isZero();
        assertThat(secure.path("pingallDown").path("failed").toString()).contains("h2->h1");
        JsonNode oldPair = secure.path("established").path("summary");
        assertThat(oldPair.path("deliveredDownPercent").asDouble()).as("secure: pair with flows, delivered while down")
                .isGreaterThanOrEqualTo(95);
        assertThat(oldPair.path("longestGapDown").asDouble()).isLessThan(1.0);

        JsonNode failOpen = standalone.path("fresh").path("summary").path("firstReplyAfterDown");
        assertThat(failOpen.isNumber()).as("standalone: never-talked pair answered while down").isTrue();
        assertThat(failOpen.asDouble()).as("standalone fails open only after the inactivity probe").isGreaterThan(5);
        assertThat(standalone.path("pingallDown").path("lossPercent").asDouble())
                .as("standalone, after failing open: every pair talks").isZero();

        for (JsonNode mode : json.path("modes")) {
            String name = mode.path("mode").asText();
            assertThat(mode.path("pingallAfter").path("lossPercent").asDouble()).as(name + " pingall after restart").isZero();
            assertThat(mode.path("fresh").path("summary").path("workingAfterUp").isNumber()).as(name).isTrue();
            assertThat(mode.path("reconnect").asDouble()).as(name + " reconnect").isLessThan(10);
        }
    }
}
