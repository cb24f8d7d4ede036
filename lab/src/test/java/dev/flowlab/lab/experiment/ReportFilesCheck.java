package dev.flowlab.lab.experiment;


import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** Checks a fail-mode report directory: results.json's structure, the PNGs' size, report.md's parts. */
public final class ReportFilesCheck {
    private static final List<String> PNGS = List.of("rtt-standalone.png", "rtt-secure.png", "summary.png", "delivery.png");

    private ReportFilesCheck() {
    }

    /** Asserts the report in {@code dir} is complete and returns results.json, parsed. */
    public static JsonNode check(Path dir) throws Exception {
        JsonNode root = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertThat(root.path("command").asText()).startsWith("flowlab experiment failmode");
        JsonNode setup = root.path("setup");
        for (String field : List.of("topology", "datapathType", "ovsVersion", "kernel", "java", "flowlabVersion",
                "establishedPair", "freshPair")) {
            assertThat(setup.path(field).isTextual()).as("setup." + field).isTrue();
        }
        assertThat(setup.path("apps").isArray()).isTrue();
        assertThat(setup.path("inactivityProbeMs").isNumber()).isTrue();
        assertThat(setup.path("downSeconds").isNumber()).isTrue();
        JsonNode modes = root.path("modes");
        assertThat(modes.size()).isEqualTo(2);
        assertThat(List.of(modes.get(0).path("mode").asText(), modes.get(1).path("mode").asText()))
                .containsExactly("standalone", "secure");
        for (JsonNode m : modes) {
            for (String pingall : List.of("pingallUp", "pingallDown", "pingallAfter")) {
                assertThat(m.path(pingall).path("pairs").isInt()).as(pingall).isTrue();
                assertThat(m.path(pingall).path("lossPercent").isNumber()).as(pingall).isTrue();
                assertThat(m.path(pingall).path("failed").isArray()).as(pingall).isTrue();
            }
            assertThat(m.path("firstPacket").path("firstMs").isNumber()).isTrue();
            assertThat(m.path("firstPacket").path("rttsMs").isArray()).isTrue();
            for (String field : List.of("iperfMbits", "controllerDown", "controllerUp", "reconnect")) {
                assertThat(m.path(field).isNumber()).as(field).isTrue();
            }
            for (String pair : List.of("established", "fresh")) {
                JsonNode p = m.path(pair);
                assertThat(p.path("source").isTextual()).isTrue();
                assertThat(p.path("samples").size()).as(pair + " samples").isPositive();
                JsonNode sample = p.path("samples").get(0);
                assertThat(sample.path("seq").isInt()).isTrue();
                assertThat(sample.path("sentAt").isNumber()).isTrue();
                assertThat(sample.has("rttMs")).isTrue();
                for (String field : List.of("sentDown", "repliedDown", "deliveredDownPercent", "longestGapDown")) {
                    assertThat(p.path("summary").path(field).isNumber()).as(pair + ".summary." + field).isTrue();
                }
            }
            JsonNode flow = m.path("flowSamples").get(0);
            assertThat(flow.path("switchName").isTextual()).isTrue();
            assertThat(flow.path("count").isInt()).isTrue();
            assertThat(flow.path("flows").isArray()).isTrue();
        }
        for (String png : PNGS) {
            BufferedImage image = ImageIO.read(dir.resolve(png).toFile());
            assertThat(image).as(png).isNotNull();
            assertThat(image.getWidth()).as(png).isEqualTo(Plots.WIDTH);
            assertThat(image.getHeight()).as(png).isEqualTo(Plots.HEIGHT);
        }
        String md = Files.readString(dir.resolve("report.md"));
        assertThat(md).contains("## Setup", "## Numbers", "## Why", "| | standalone | secure |", root.path("command").asText());
        PNGS.forEach(png -> assertThat(md).contains("](" + png + ")"));
        return root;
    }
}
