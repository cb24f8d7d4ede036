package dev.flowlab.controller.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowlab.controller.Controller;
import dev.flowlab.controller.ControllerConfig;
import dev.flowlab.controller.Poll;
import dev.flowlab.controller.RestAccess;
import dev.flowlab.controller.RestConfig;
import dev.flowlab.controller.testing.Frames;
import dev.flowlab.controller.testing.SwitchPeer;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The web view's page and its event stream over the controller's own HTTP server: the page is one
 * self-contained document (cytoscape inlined), the stream needs the token and pushes the switches
 * with the number of flows the monitor polled (a count, not the table), and {@code /metrics} counts
 * the packet-ins.
 */
class ViewEventsTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void pageStreamAndMetricsFollowTheController() throws Exception {
        try (Controller controller = Controller.start(ControllerConfig.builder().apps("test-flood").listen("127.0.0.1", 0)
                .rest(RestConfig.on("127.0.0.1", 0)).portStatsInterval(Duration.ofMillis(200)).build());
             SwitchPeer peer = SwitchPeer.handshake(controller.address(), 0x7, 1, 2)) {
            RestAccess access = controller.restAccess().orElseThrow();
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(access.baseUrl() + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("cytoscape", "/api/view/events").doesNotContain("/*CYTOSCAPE_JS*/", "src=\"http");

            HttpRequest events = HttpRequest.newBuilder(URI.create(access.baseUrl() + "/api/view/events")).build();
            assertThat(http.send(events, HttpResponse.BodyHandlers.discarding()).statusCode()).as("without token").isEqualTo(401);

            peer.sendPacketIn(1, Frames.ping(1, 2, 0x0a000001, 0x0a000002));
            HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(URI.create(access.baseUrl() + "/api/view/events"))
                    .header("Authorization", access.authorization()).build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                JsonNode seen = null;
                for (String line; (line = lines.readLine()) != null; ) {
                    if (line.startsWith("data: ")) {
                        seen = new ObjectMapper().readTree(line.substring(6));
                        JsonNode sw = seen.get("switches").get(0);
                        if (sw != null && sw.get("connected").asBoolean() && sw.get("flows").asInt() > 0) {
                            assertThat(sw.get("flows").isInt()).as("a count, never the table").isTrue();
                            break;
                        }
                    }
                }
                assertThat(seen).isNotNull();
                JsonNode sw = seen.get("switches").get(0);
                assertThat(sw.get("name").asText()).isEqualTo("s7");
                assertThat(seen.get("apps")).extracting(JsonNode::asText).contains("test-flood");
            }
            // The app's handler time is recorded after it returns, on the dispatch thread: wait for it.
            Poll.until("the packet-in in /metrics", Duration.ofSeconds(10), () -> controller.metricsText().contains(
                    "flowlab_app_packet_in_duration_seconds_count{app=\"test-flood\"} 1"));
            assertThat(controller.metricsText()).contains("flowlab_switch_packet_ins_total{dpid=\"00:00:00:00:00:00:00:07\"} 1.0");
        }
    }
}
