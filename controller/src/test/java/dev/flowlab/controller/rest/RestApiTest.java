package dev.flowlab.controller.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowlab.controller.Controller;
import dev.flowlab.controller.ControllerConfig;
import dev.flowlab.controller.RestConfig;
import dev.flowlab.controller.api.Flows;
import dev.flowlab.controller.rest.Http.Answer;
import dev.flowlab.controller.store.MemoryConfigStore;
import dev.flowlab.controller.testing.SwitchPeer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.protocol.OFFlowStatsEntry;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.U64;

/** The REST API over real HTTP, against a controller with a switch that keeps a real flow table. */
class RestApiTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final MemoryConfigStore STORE = new MemoryConfigStore();
    private static Controller controller;
    private static SwitchPeer sw;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        controller = Controller.start(ControllerConfig.builder().apps("test-flood").listen("127.0.0.1", 0)
                .rest(RestConfig.on("127.0.0.1", 0)).configStore(STORE).build());
        sw = SwitchPeer.connect(controller.address(), 1, 1, 2, 3).keepFlowTable(4).sayHello();
        assertThat(controller.awaitSwitches(List.of(DatapathId.of(1)), WAIT)).isTrue();
        http = new Http(controller.restAccess().orElseThrow());
    }

    @AfterAll
    static void stop() throws Exception {
        sw.close();
        controller.close();
    }

    @BeforeEach
    void noStaticFlows() {
        assertThat(http.delete("/api/switches/1/flows").status()).isEqualTo(200);
    }

    @Test
    void listsSwitchesAndFindsOneByAnyDpidSpelling() {
        Answer all = http.get("/api/switches");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json()).hasSize(1);
        assertThat(all.json().get(0).get("dpid").asText()).isEqualTo("00:00:00:00:00:00:00:01");
        assertThat(all.json().get(0).get("ports").asInt()).isEqualTo(3);
        for (String dpid : List.of("1", "0x1", "0000000000000001", "00:00:00:00:00:00:00:01")) {
            assertThat(http.get("/api/switches/" + dpid).json().get("dpid_int").asLong()).as(dpid).isEqualTo(1);
        }
    }

    @Test
    void unknownSwitchPathAndMethodAreClearErrors() {
        Answer missing = http.get("/api/switches/7");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.error()).contains("switch 00:00:00:00:00:00:00:07 is not connected");
        assertThat(http.get("/api/switches/seven").error()).contains("'seven' is not a datapath id");
        assertThat(http.get("/api/nothing").status()).isEqualTo(404);
        Answer wrongMethod = http.post("/api/switches", "{}");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.allow()).isEqualTo("GET");
        assertThat(http.get("/api").json().get("routes").toString()).contains("POST /api/switches/{dpid}/flows");
    }

    @Test
    void portsComeFromTheHandshakeAndTheirCountersFromTheSwitch() {
        JsonNode ports = http.get("/api/switches/1/ports").json();
        assertThat(ports).hasSize(3);
        assertThat(ports.get(0).get("name").asText()).isEqualTo("s1-eth1");
        assertThat(ports.get(0).get("up").asBoolean()).isTrue();

        JsonNode stats = http.get("/api/switches/1/ports/stats").json();
        assertThat(stats).extracting(p -> p.get("port_no").asInt()).containsExactly(1, 2, 3);
        assertThat(stats.get(1).get("rx_packets").asLong()).isEqualTo(20);
        assertThat(stats.get(2).get("tx_bytes").asLong()).isEqualTo(6000);
    }

    @Test
    void postedFlowIsOnTheSwitchListedWithItsIdAndDeletedById() {
        Answer created = http.post("/api/switches/1/flows", """
                {"priority": 200, "idle_timeout": 30,
                 "match": {"in_port": 1, "eth_type": "0x0800", "ipv4_dst": "10.0.0.0/24", "ip_proto": "tcp", "tcp_dst": 80},
                 "actions": [{"type": "SET_FIELD", "field": "eth_dst", "value": "00:00:00:00:00:02"},
                             {"type": "OUTPUT", "port": 2}]}""");
        assertThat(created.status()).as(String.valueOf(created.json())).isEqualTo(201);
        int id = created.json().get("id").asInt();
        assertThat(created.json().get("match").get("ipv4_dst").asText()).isEqualTo("10.0.0.0/24");
        assertThat(created.json().get("match").get("tcp_dst").asInt()).isEqualTo(80);
        assertThat(created.json().get("actions").get(1).get("port").asInt()).isEqualTo(2);

        OFFlowStatsEntry onSwitch = staticFlows().get(0);
        assertThat(onSwitch.getPriority()).isEqualTo(200);
        assertThat(onSwitch.getIdleTimeout()).isEqualTo(30);
        assertThat(onSwitch.getCookie()).isEqualTo(StaticFlows.COOKIE.or(U64.of(id)));

        JsonNode listed = http.get("/api/switches/1/flows").json();
        assertThat(listed).anySatisfy(f -> assertThat(f.path("id").asInt()).isEqualTo(id));
        assertThat(listed).anySatisfy(f -> assertThat(f.get("priority").asInt()).isZero());   // the table-miss entry

        assertThat(STORE.get("rest/flows/00:00:00:00:00:00:00:01/" + id)).as("kept for the next master").isPresent();
        int second = http.post("/api/switches/1/flows", "{\"match\": {\"in_port\": 2}, \"actions\": []}").json().get("id").asInt();
        assertThat(second).isEqualTo(id + 1);
        assertThat(http.delete("/api/switches/1/flows/" + id).json().get("deleted").asInt()).isEqualTo(1);
        assertThat(staticFlows()).extracting(e -> StaticFlows.idOf(e.getCookie())).containsExactly(second);
        assertThat(STORE.list("rest/flows/")).containsOnlyKeys("rest/flows/00:00:00:00:00:00:00:01/" + second);
        Answer again = http.delete("/api/switches/1/flows/" + id);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.error()).contains("has no static flow " + id);
    }

    @Test
    void deletingAllStaticFlowsLeavesTheAppsFlows() {
        http.post("/api/switches/1/flows", "{\"match\": {\"in_port\": 1}, \"actions\": [{\"type\": \"OUTPUT\", \"port\": \"flood\"}]}");
        http.post("/api/switches/1/flows", "{\"match\": {\"in_port\": 2}}");
        assertThat(http.delete("/api/switches/1/flows").json().get("deleted").asInt()).isEqualTo(2);
        assertThat(staticFlows()).isEmpty();
        assertThat(STORE.list("rest/flows/")).isEmpty();
        assertThat(sw.flows()).extracting(OFFlowStatsEntry::getPriority).contains(0);
    }

    @Test
    void badFlowBodiesGet400NamingTheField() {
        assertBadFlow("{\"prio\": 5}", "unknown key 'prio'");
        assertBadFlow("{\"prio\": 5}", "valid keys: actions, hard_timeout, idle_timeout, match, priority, table_id");
        assertBadFlow("{\"priority\": 70000}", "priority: 70000 is out of range 0-65535");
        assertBadFlow("{\"priority\": \"high\"}", "'priority': 'high' is not a whole number");
        assertBadFlow("{\"match\": {\"ipv4_dst\": \"10.0.0.300\", \"eth_type\": 2048}}",
                "match.ipv4_dst: '10.0.0.300' is not an IPv4 address or prefix");
        assertBadFlow("{\"match\": {\"tcp_dst\": 80}}", "match.tcp_dst needs ip_proto in the match too (ip_proto: 6)");
        assertBadFlow("{\"match\": {\"eth_type\": 2048, \"ip_proto\": 17, \"tcp_dst\": 80}}", "match.tcp_dst needs ip_proto 6, not 17");
        assertBadFlow("{\"match\": {\"colour\": 1}}", "match: unknown field 'colour'");
        assertBadFlow("{\"actions\": [{\"type\": \"OUTPUT\"}]}", "actions[0].port: missing");
        assertBadFlow("{\"actions\": [{\"type\": \"OUTPUT\", \"port\": \"sideways\"}]}",
                "actions[0].port: 'sideways' is not a port number or one of");
        assertBadFlow("{\"actions\": [{\"type\": \"OUTPT\", \"port\": 1}]}", "actions[0].type: 'OUTPT' is not one of OUTPUT");
        assertBadFlow("{\"actions\": [{\"type\": \"OUTPUT\", \"prot\": 1}]}", "actions[0]: unknown key 'prot'");
        assertBadFlow("{\"match\": ", "not valid JSON");
        assertBadFlow("", "needs a JSON body");
        assertThat(staticFlows()).isEmpty();
    }

    @Test
    void aFlowTheSwitchRefusesIsA400WithTheSwitchsReason() {
        Answer refused = http.post("/api/switches/1/flows", "{\"table_id\": 9, \"match\": {\"in_port\": 1}}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.error()).isEqualTo("switch 00:00:00:00:00:00:00:01 refused the flow: FLOW_MOD_FAILED BAD_TABLE_ID");
    }

    @Test
    void appsAndCounters() {
        JsonNode apps = http.get("/api/apps").json();
        assertThat(apps).extracting(a -> a.get("id").asText())   // the core services run as apps, first
                .containsExactly("link-discovery", "host-tracker", "static-flows", "test-flood");

        long before = http.get("/api/counters").json().get("total").get("flow_mods").asLong();
        http.post("/api/switches/1/flows", "{\"match\": {\"in_port\": 3}}");
        JsonNode counters = http.get("/api/counters").json();
        assertThat(counters.get("total").get("flow_mods").asLong()).isEqualTo(before + 1);
        assertThat(counters.get("switches").get("00:00:00:00:00:00:00:01").get("flow_mods").asLong()).isEqualTo(before + 1);
        assertThat(http.get("/api/switches/1/counters").json().get("flow_mods").asLong()).isEqualTo(before + 1);
    }

    private static void assertBadFlow(String body, String message) {
        Answer answer = http.post("/api/switches/1/flows", body);
        assertThat(answer.status()).as(body).isEqualTo(400);
        assertThat(answer.error()).as(body).contains(message);
    }

    private static List<OFFlowStatsEntry> staticFlows() {
        return sw.flows().stream().filter(e -> e.getCookie().and(Flows.APP_COOKIE_MASK).equals(StaticFlows.COOKIE)).toList();
    }
}
