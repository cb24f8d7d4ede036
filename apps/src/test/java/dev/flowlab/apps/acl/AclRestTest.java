package dev.flowlab.apps.acl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowlab.controller.Controller;
import dev.flowlab.controller.ControllerConfig;
import dev.flowlab.controller.RestAccess;
import dev.flowlab.controller.RestConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The acl app in a real controller: rules from its config file, then listed, added and deleted over HTTP. */
class AclRestTest {
    private static final String RULES = """
            rules:
              - action: deny
                ipv4_dst: 10.0.0.2
                tcp_dst: 5001
              - action: allow
                priority: 200
                ipv4_src: 10.0.0.0/24
                ip_proto: icmp
            """;

    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private RestAccess access;

    @Test
    void rulesFromTheFileAreServedAndChangedOverHttp() throws Exception {
        Path file = Files.writeString(dir.resolve("acl.yaml"), RULES);
        try (Controller controller = Controller.start(ControllerConfig.builder().apps("acl").listen("127.0.0.1", 0)
                .rest(RestConfig.on("127.0.0.1", 0)).appConfig("acl", file).build())) {
            access = controller.restAccess().orElseThrow();
            String base = access.baseUrl() + "/api/acl/rules";

            JsonNode rules = send(request(base).GET(), 200);
            assertThat(rules).extracting(r -> r.get("id").asInt()).containsExactly(2, 1);   // evaluation order
            assertThat(rules.get(1).get("tcp_dst").asInt()).isEqualTo(5001);
            assertThat(rules.get(1).get("priority").asInt()).isEqualTo(100);

            JsonNode added = send(post(base, "{\"action\": \"deny\", \"eth_src\": \"00:00:00:00:00:03\"}"), 201);
            assertThat(added.get("id").asInt()).isEqualTo(3);
            assertThat(send(post(base, "{\"action\": \"deny\", \"ipv4_dts\": \"10.0.0.1\"}"), 400).get("error").asText())
                    .startsWith("unknown key 'ipv4_dts' (valid keys: action, eth_dst, eth_src, eth_type, id, ip_proto,");
            assertThat(send(post(base, "{\"action\": \"drop\"}"), 400).get("error").asText())
                    .isEqualTo("'action': 'drop' is not one of [allow, deny]");
            assertThat(send(post(base, "{\"action\": \"deny\", \"udp_dst\": 70000}"), 400).get("error").asText())
                    .isEqualTo("udp_dst: 70000 is not a port 0-65535");

            assertThat(send(request(base + "/3").DELETE(), 200).get("deleted").get("id").asInt())
                    .isEqualTo(3);
            assertThat(send(request(base + "/3").DELETE(), 404).get("error").asText())
                    .isEqualTo("there is no acl rule 3; GET /api/acl/rules lists them");
        }
    }

    @Test
    void aBadConfigFileStopsTheControllerNamingTheLine() throws Exception {
        Path file = Files.writeString(dir.resolve("acl.yaml"), RULES.replace("tcp_dst: 5001", "tcp_dst: http"));
        assertThatThrownBy(() -> Controller.start(ControllerConfig.builder().apps("acl").listen("127.0.0.1", 0)
                .appConfig("acl", file).build()))
                .hasMessage("app acl: config file " + file + " line 4: 'rules[0].tcp_dst': 'http' is not a whole number");
    }

    @Test
    void anAddPastMaxRulesIsAConflictWithOneLine() throws Exception {
        Path file = Files.writeString(dir.resolve("acl.yaml"), "max_rules: 1\nrules:\n  - {action: deny, ipv4_dst: 10.0.0.2}\n");
        try (Controller controller = Controller.start(ControllerConfig.builder().apps("acl").listen("127.0.0.1", 0)
                .rest(RestConfig.on("127.0.0.1", 0)).appConfig("acl", file).build())) {
            access = controller.restAccess().orElseThrow();
            String base = access.baseUrl() + "/api/acl/rules";

            assertThat(send(post(base, "{\"action\": \"deny\", \"ipv4_dst\": \"10.0.0.3\"}"), 409).get("error").asText())
                    .isEqualTo("the acl holds its limit of 1 rules: delete one first, or raise max_rules in the acl config file");
            assertThat(send(request(base).GET(), 200)).hasSize(1);
        }
    }

    private HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", access.authorization());
    }

    private HttpRequest.Builder post(String url, String body) {
        return request(url).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private JsonNode send(HttpRequest.Builder request, int status) throws Exception {
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return json.readTree(response.body());
    }
}
