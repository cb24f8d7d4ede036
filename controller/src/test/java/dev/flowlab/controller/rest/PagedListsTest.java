package dev.flowlab.controller.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowlab.controller.Controller;
import dev.flowlab.controller.ControllerConfig;
import dev.flowlab.controller.RestConfig;
import dev.flowlab.controller.api.Flows;
import dev.flowlab.controller.api.PageRequest;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.rest.Http.Answer;
import dev.flowlab.controller.testing.SwitchPeer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.match.MatchField;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.TableId;

/**
 * A switch's flow table, groups and meters listed a page at a time over real HTTP from a switch that keeps
 * real tables: a table longer than one page is refused unpaged (one line saying how to page it), pages
 * cover every entry once in table order (table by table, highest priority first), short lists keep their
 * old answer (a JSON array), and bad offsets and limits are one-line 400s.
 */
class PagedListsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int ENTRIES = 1200;   // more than two pages of the biggest

    @Test
    void aBigFlowTableComesAPageAtATimeInTableOrder() throws Exception {
        try (Controller controller = Controller.start(ControllerConfig.builder().apps().listen("127.0.0.1", 0)
                .rest(RestConfig.on("127.0.0.1", 0)).build());
             SwitchPeer peer = SwitchPeer.connect(controller.address(), 1, 1, 2).keepFlowTable(2).sayHello()) {
            assertThat(controller.awaitSwitches(List.of(DatapathId.of(1)), WAIT)).isTrue();
            Switch sw = controller.switchById(DatapathId.of(1)).orElseThrow();
            OFFactory of = sw.factory();
            for (int i = 0; i < ENTRIES; i++) {   // the switch answers in this order: table 1 and low priorities first
                sw.send(of.buildFlowAdd().setTableId(TableId.of(i % 3 == 0 ? 1 : 0)).setPriority(100 + (i * 7919) % 5000)
                        .setMatch(of.buildMatch().setExact(MatchField.IN_PORT, OFPort.of(1 + i)).build())
                        .setInstructions(Flows.apply(of, Flows.output(of, OFPort.of(2)))).build());
            }
            sw.barrier().get(10, TimeUnit.SECONDS);
            Http http = new Http(controller.restAccess().orElseThrow());
            int total = peer.flows().size();
            assertThat(total).isGreaterThan(ENTRIES);   // and the controller's own entries

            Answer whole = http.get("/api/switches/1/flows");
            assertThat(whole.status()).isEqualTo(400);
            assertThat(whole.error()).isEqualTo(total + " flow entries are more than one answer lists (500): ask for a page at"
                    + " a time, ?offset=0&limit=500");

            List<JsonNode> seen = new ArrayList<>();
            JsonNode page;
            do {
                page = http.get("/api/switches/1/flows?limit=" + PageRequest.MAX_LIMIT + "&offset=" + seen.size()).json();
                assertThat(page.get("total").asInt()).isEqualTo(total);
                assertThat(page.get("offset").asInt()).isEqualTo(seen.size());
                assertThat(page.get("items").size()).isLessThanOrEqualTo(PageRequest.MAX_LIMIT).isPositive();
                page.get("items").forEach(seen::add);
                assertThat(page.get("more").asInt()).isEqualTo(total - seen.size());
            } while (page.get("more").asInt() > 0);
            assertThat(seen).hasSize(total);
            assertThat(seen.stream().map(f -> f.get("match").toString()).distinct()).hasSize(total);
            for (int i = 1; i < seen.size(); i++) {
                JsonNode a = seen.get(i - 1);
                JsonNode b = seen.get(i);
                assertThat(a.get("table_id").asInt() < b.get("table_id").asInt() || a.get("table_id").asInt() == b.get("table_id").asInt()
                        && a.get("priority").asInt() >= b.get("priority").asInt()).as("entry %d before %d: %s, %s", i - 1, i, a, b)
                        .isTrue();
            }
            assertThat(seen.get(0).get("priority").asInt()).isEqualTo(peer.flows().stream()
                    .filter(e -> e.getTableId().getValue() == 0).mapToInt(e -> e.getPriority()).max().orElseThrow());

            JsonNode byDefault = http.get("/api/switches/1/flows?offset=10").json();
            assertThat(byDefault.get("limit").asInt()).isEqualTo(PageRequest.DEFAULT_LIMIT);
            assertThat(byDefault.get("items")).hasSize(PageRequest.DEFAULT_LIMIT);
            assertThat(byDefault.get("items").get(0)).isEqualTo(seen.get(10));
            JsonNode beyond = http.get("/api/switches/1/flows?offset=" + PageRequest.MAX_OFFSET).json();
            assertThat(beyond.get("items")).isEmpty();
            assertThat(beyond.get("more").asInt()).isZero();

            for (String hostile : new String[] {"limit=501", "limit=0", "limit=-1", "limit=abc", "limit=1e3",
                    "limit=99999999999999999999", "offset=-1", "offset=10000001", "offset=" + "9".repeat(1000)}) {
                for (String path : List.of("/api/switches/1/flows?", "/api/switches/1/groups?", "/api/switches/1/meters/stats?")) {
                    Answer r = http.get(path + hostile);
                    assertThat(r.status()).as(path + hostile).isEqualTo(400);
                    assertThat(r.error()).as(path + hostile).doesNotContain("\n").hasSizeLessThan(200)
                            .containsPattern("^(limit|offset) must be a whole number from \\d+ to \\d+, not '");
                }
            }
        }
    }

    @Test
    void groupsAndMetersComeByIdAPageAtATimeAndShortListsAsBefore() throws Exception {
        try (Controller controller = Controller.start(ControllerConfig.builder().apps().listen("127.0.0.1", 0)
                .rest(RestConfig.on("127.0.0.1", 0)).build());
             SwitchPeer peer = SwitchPeer.connect(controller.address(), 1, 1, 2).keepFlowTable(1).sayHello()) {
            assertThat(controller.awaitSwitches(List.of(DatapathId.of(1)), WAIT)).isTrue();
            Http http = new Http(controller.restAccess().orElseThrow());
            for (int id : new int[] {7, 3, 5}) {
                assertThat(http.post("/api/switches/1/groups", "{\"group_id\": " + id + ", \"type\": \"ALL\", \"buckets\":"
                        + " [{\"actions\": [{\"type\": \"OUTPUT\", \"port\": 2}]}]}").status()).isEqualTo(201);
                assertThat(http.post("/api/switches/1/meters", "{\"meter_id\": " + id + ", \"bands\": [{\"type\": \"DROP\","
                        + " \"rate\": 10}]}").status()).isEqualTo(201);
            }

            assertThat(http.get("/api/switches/1/groups").json().findValuesAsText("group_id")).containsExactly("3", "5", "7");
            JsonNode first = http.get("/api/switches/1/groups?limit=2").json();
            assertThat(first.get("items").findValuesAsText("group_id")).containsExactly("3", "5");
            assertThat(first.get("items").get(0).get("owner").asText()).isEqualTo("rest");
            assertThat(List.of(first.get("total").asInt(), first.get("offset").asInt(), first.get("more").asInt()))
                    .containsExactly(3, 0, 1);
            JsonNode second = http.get("/api/switches/1/groups?limit=2&offset=2").json();
            assertThat(second.get("items").findValuesAsText("group_id")).containsExactly("7");
            assertThat(second.get("more").asInt()).isZero();
            assertThat(http.get("/api/switches/1/groups/stats?offset=1&limit=1").json().get("items")
                    .findValuesAsText("group_id")).containsExactly("5");

            assertThat(http.get("/api/switches/1/meters").json().findValuesAsText("meter_id")).containsExactly("3", "5", "7");
            assertThat(http.get("/api/switches/1/meters?offset=1").json().get("items").findValuesAsText("meter_id"))
                    .containsExactly("5", "7");
            assertThat(http.get("/api/switches/1/meters/stats?limit=1").json().get("items").findValuesAsText("meter_id"))
                    .containsExactly("3");
        }
    }
}
