package dev.flowlab.lab.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.controller.RestAccess;
import dev.flowlab.lab.Lab;
import dev.flowlab.testkit.Leftovers;
import dev.flowlab.testkit.SystemTest;
import dev.flowlab.topologies.Topologies;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /metrics} of a real network: strictly valid Prometheus text (every line a HELP, a TYPE or
 * a sample of a declared metric; counters end in {@code _total}), behind the token, and its switch,
 * port and app numbers move when traffic flows.
 */
@SystemTest(MetricsSystemTest.PREFIX)
class MetricsSystemTest {
    static final String PREFIX = "mx";
    private static final Pattern HELP = Pattern.compile("# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) .*");
    private static final Pattern TYPE = Pattern.compile("# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped|info|stateset|unknown)");
    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\.)*\"(?:,[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\.)*\")*)?\\})?"
                    + " ([-+]?(?:[0-9.]+(?:[eE][-+]?[0-9]+)?|Inf|NaN))( [0-9]+)?");
    private static final String S1 = "00:00:00:00:00:00:00:01";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void metricsAreValidPrometheusTextAndMoveWithTraffic() throws Exception {
        try (Lab lab = AppLabs.start(Topologies.linear(2), PREFIX, "learning-switch")) {
            RestAccess access = lab.embeddedController().orElseThrow().restAccess().orElseThrow();
            assertThat(get(access, "/metrics", false).statusCode()).as("without the token").isEqualTo(401);

            Map<String, Double> before = parse(scrape(access));
            assertThat(before).containsKeys("flowlab_switch_connected{dpid=\"" + S1 + "\"}", "jvm_memory_used_bytes{area=\"heap\"}");
            assertThat(before.get("flowlab_switch_connected{dpid=\"" + S1 + "\"}")).isEqualTo(1.0);
            String s1Port1 = "{dpid=\"" + S1 + "\",port=\"1\"}";
            assertThat(lab.network().pingAll().failures()).isEmpty();
            // The monitor polls every few seconds: wait until the traffic shows.
            SystemTests.until("port counters of s1 port 1 grow", () -> {
                Map<String, Double> now = parse(scrape(access));
                return now.getOrDefault("flowlab_port_received_packets_total" + s1Port1, 0.0)
                        > before.getOrDefault("flowlab_port_received_packets_total" + s1Port1, 0.0)
                        && now.getOrDefault("flowlab_switch_flows{dpid=\"" + S1 + "\"}", 0.0) > 1;
            });
            Map<String, Double> after = parse(scrape(access));
            String packetIns = "flowlab_switch_packet_ins_total{dpid=\"" + S1 + "\"}";
            assertThat(after.get(packetIns)).isGreaterThan(before.getOrDefault(packetIns, 0.0));
            assertThat(after.get("flowlab_switch_flow_mods_total{dpid=\"" + S1 + "\"}")).isPositive();
            assertThat(after.get("flowlab_port_transmitted_bytes_total" + s1Port1)).isPositive();
            assertThat(after.get("flowlab_app_packet_in_duration_seconds_count{app=\"learning-switch\"}")).isPositive();
        }
        assertThat(Leftovers.named(PREFIX)).isEmpty();
    }

    private String scrape(RestAccess access) {
        HttpResponse<String> r = get(access, "/metrics", true);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
        return r.body();
    }

    /** Series (name with labels) to value; fails on any line that is not valid Prometheus text. */
    static Map<String, Double> parse(String text) {
        Map<String, String> types = new HashMap<>();
        Set<String> helped = new HashSet<>();
        Map<String, Double> series = new HashMap<>();
        for (String line : text.split("\n")) {
            Matcher m;
            if ((m = HELP.matcher(line)).matches()) {
                helped.add(m.group(1));
            } else if ((m = TYPE.matcher(line)).matches()) {
                types.put(m.group(1), m.group(2));
                if (m.group(2).equals("counter") && m.group(1).startsWith("flowlab_")) {
                    assertThat(m.group(1)).as("a flowlab counter's name").endsWith("_total");
                }
            } else if ((m = SAMPLE.matcher(line)).matches()) {
                String name = m.group(1);
                String family = name.replaceAll("_(bucket|count|sum|created)$", "");
                assertThat(types).as("TYPE declared before " + line).containsAnyOf(
                        Map.entry(name, types.getOrDefault(name, "?")), Map.entry(family, types.getOrDefault(family, "?")));
                series.put(name + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(m.group(4)
                        .replace("+Inf", "Infinity").replace("Inf", "Infinity")));
            } else {
                throw new AssertionError("not a Prometheus text line: '" + line + "'");
            }
        }
        assertThat(helped).containsAll(types.keySet());
        return series;
    }

    private HttpResponse<String> get(RestAccess access, String path, boolean withToken) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(access.baseUrl() + path)).timeout(Duration.ofSeconds(10));
        if (withToken) {
            b.header("Authorization", access.authorization());
        }
        try {
            return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
