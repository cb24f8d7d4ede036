package dev.flowlab.controller.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowlab.controller.Controller;
import dev.flowlab.controller.ControllerConfig;
import dev.flowlab.controller.RestConfig;
import dev.flowlab.controller.api.Flows;
import dev.flowlab.controller.api.GroupTable;
import dev.flowlab.controller.api.Groups;
import dev.flowlab.controller.api.Meters;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.rest.Http.Answer;
import dev.flowlab.controller.testing.RecordingApp;
import dev.flowlab.controller.testing.SwitchPeer;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.protocol.OFGroupType;
import org.projectfloodlight.openflow.protocol.OFMeterFlags;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.OFPort;

/**
 * Groups and meters of two apps and of REST on one switch that keeps real group and meter tables:
 * ids handed out without collisions, owners listed and enforced, REST bodies checked.
 */
class GroupMeterRoutesTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final RecordingApp FIRST = new FirstApp();
    private static final RecordingApp SECOND = new SecondApp();
    private static Controller controller;
    private static SwitchPeer peer;
    private static Http http;
    private static Switch sw;

    /** Two apps: owners are app ids, and extra apps are known by class name. */
    static final class FirstApp extends RecordingApp {
        FirstApp() {
            super("first");
        }
    }

    static final class SecondApp extends RecordingApp {
        SecondApp() {
            super("second");
        }
    }

    @BeforeAll
    static void start() throws Exception {
        controller = Controller.start(ControllerConfig.builder().apps().listen("127.0.0.1", 0)
                .rest(RestConfig.on("127.0.0.1", 0)).build(), List.of(FIRST, SECOND));
        peer = SwitchPeer.connect(controller.address(), 1, 1, 2, 3).keepFlowTable(1).sayHello();
        assertThat(controller.awaitSwitches(List.of(DatapathId.of(1)), WAIT)).isTrue();
        http = new Http(controller.restAccess().orElseThrow());
        sw = FIRST.context().switchById(DatapathId.of(1)).orElseThrow();
    }

    @AfterAll
    static void stop() {
        peer.close();
        controller.close();
    }

    @BeforeEach
    void empty() throws Exception {
        FIRST.context().groups().deleteAll(sw).get(10, TimeUnit.SECONDS);
        SECOND.context().groups().deleteAll(sw).get(10, TimeUnit.SECONDS);
        FIRST.context().meters().deleteAll(sw).get(10, TimeUnit.SECONDS);
        assertThat(http.delete("/api/switches/1/groups").status()).isEqualTo(200);
        assertThat(http.delete("/api/switches/1/meters").status()).isEqualTo(200);
    }

    @Test
    void appsAndRestGetDistinctIdsAndEachDeletesOnlyItsOwn() throws Exception {
        var of = sw.factory();
        long a = FIRST.context().groups().add(sw, OFGroupType.FF, List.of(
                Groups.watching(of, OFPort.of(1), Flows.output(of, OFPort.of(1))),
                Groups.watching(of, OFPort.of(2), Flows.output(of, OFPort.of(2))))).get(10, TimeUnit.SECONDS);
        Answer posted = http.post("/api/switches/1/groups", """
                {"type": "select", "buckets": [{"weight": 2, "actions": [{"type": "OUTPUT", "port": 2}]},
                                               {"actions": [{"type": "OUTPUT", "port": 3}]}]}""");
        assertThat(posted.status()).as(posted.text()).isEqualTo(201);
        long b = SECOND.context().groups().add(sw, OFGroupType.ALL, List.of(Groups.bucket(of, Flows.output(of, OFPort.of(3)))))
                .get(10, TimeUnit.SECONDS);
        assertThat(List.of(a, posted.json().get("group_id").asLong(), b)).containsExactly(1L, 2L, 3L);
        assertThat(peer.groups()).hasSize(3);

        JsonNode listed = http.get("/api/switches/1/groups").json();
        assertThat(listed.findValuesAsText("owner")).containsExactly(FirstApp.class.getName(), "rest", SecondApp.class.getName());
        assertThat(listed.get(0).get("type").asText()).isEqualTo("FF");
        assertThat(listed.get(0).get("buckets").get(1).get("watch_port").asInt()).isEqualTo(2);
        assertThat(listed.get(1).get("buckets").get(0).get("weight").asInt()).isEqualTo(2);
        assertThat(http.get("/api/switches/1/groups/stats").json().findValuesAsText("owner")).hasSize(3);

        GroupTable first = FIRST.context().groups();
        assertThatThrownBy(() -> first.delete(sw, b).join()).isInstanceOf(CompletionException.class)
                .hasMessageContaining("belongs to " + SecondApp.class.getName());
        Answer notRests = http.delete("/api/switches/1/groups/" + a);
        assertThat(notRests.status()).isEqualTo(409);
        assertThat(notRests.error()).isEqualTo("group 1 on switch 00:00:00:00:00:00:00:01 belongs to "
                + FirstApp.class.getName() + ", not to rest");

        assertThat(first.deleteAll(sw).get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(peer.groups()).extracting(g -> g.getGroup().getGroupNumber()).containsExactly(2, 3);
        assertThat(first.add(sw, OFGroupType.INDIRECT, List.of(Groups.bucket(of, Flows.output(of, OFPort.of(1)))))
                .get(10, TimeUnit.SECONDS)).as("the lowest free id again").isEqualTo(1L);
    }

    @Test
    void metersAreAddedModifiedListedAndTakenIdsRefused() throws Exception {
        var of = sw.factory();
        long id = FIRST.context().meters().add(sw, Set.of(OFMeterFlags.KBPS, OFMeterFlags.BURST),
                List.of(Meters.drop(of, 1000, 100))).get(10, TimeUnit.SECONDS);
        assertThat(id).isEqualTo(1);
        FIRST.context().meters().modify(sw, id, Set.of(OFMeterFlags.PKTPS), List.of(Meters.drop(of, 50, 0)))
                .get(10, TimeUnit.SECONDS);
        Answer taken = http.post("/api/switches/1/meters", """
                {"meter_id": 1, "bands": [{"type": "DROP", "rate": 10}]}""");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.error()).contains("meter 1 on switch 00:00:00:00:00:00:00:01 exists (owner "
                + FirstApp.class.getName() + ")");
        Answer remark = http.post("/api/switches/1/meters", """
                {"flags": ["KBPS", "STATS"], "bands": [{"type": "DSCP_REMARK", "rate": 500, "burst_size": 50, "prec_level": 1}]}""");
        assertThat(remark.status()).as(remark.text()).isEqualTo(201);
        assertThat(remark.json().get("meter_id").asLong()).isEqualTo(2);

        JsonNode meters = http.get("/api/switches/1/meters").json();
        assertThat(meters.get(0).get("flags").toString()).isEqualTo("[\"PKTPS\"]");
        assertThat(meters.get(0).get("bands").get(0).get("rate").asLong()).isEqualTo(50);
        assertThat(meters.get(1).get("owner").asText()).isEqualTo("rest");
        assertThat(meters.get(1).get("flags").toString()).isEqualTo("[\"BURST\",\"KBPS\",\"STATS\"]");
        assertThat(meters.get(1).get("bands").get(0).get("prec_level").asInt()).isEqualTo(1);
        assertThat(http.get("/api/switches/1/meters/stats").json().get(1).get("owner").asText()).isEqualTo("rest");

        Answer modified = http.send(http.request("/api/switches/1/meters/2").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"bands\": [{\"type\": \"DROP\", \"rate\": 700}]}")));
        assertThat(modified.status()).as(modified.text()).isEqualTo(200);
        assertThat(peer.meters().get(1).getEntries().toString()).contains("rate=700");
        assertThat(http.delete("/api/switches/1/meters/2").json().get("deleted").asInt()).isEqualTo(1);
        assertThat(http.delete("/api/switches/1/meters/2").status()).isEqualTo(404);
        assertThat(peer.meters()).hasSize(1);
    }

    @Test
    void badBodiesAreOneLineErrorsAndNothingIsSent() {
        int groupMods = peer.received(org.projectfloodlight.openflow.protocol.OFGroupMod.class).size();
        assertThat(http.post("/api/switches/1/groups", "{\"type\": \"ROUND\", \"buckets\": []}").error())
                .isEqualTo("type: 'ROUND' is not one of ALL, SELECT, INDIRECT, FF");
        assertThat(http.post("/api/switches/1/groups", "{\"type\": \"FF\", \"buckets\": [{\"actions\": []}]}").error())
                .startsWith("buckets[0].watch_port: missing");
        assertThat(http.post("/api/switches/1/groups", """
                {"type": "ALL", "buckets": [{"actions": [{"type": "GOTO_TABLE", "table_id": 1}]}]}""").error())
                .isEqualTo("buckets[0].actions[0]: GOTO_TABLE belongs in a flow, not in a group bucket");
        assertThat(http.post("/api/switches/1/groups", "{\"type\": \"ALL\", \"group_id\": 4294967295, \"buckets\": [{}]}")
                .error()).isEqualTo("group id 4294967295 is out of range 0-4294967040");
        assertThat(http.post("/api/switches/1/meters", "{\"flags\": [\"KBPS\", \"PKTPS\"], \"bands\": [{\"type\": \"DROP\", \"rate\": 1}]}")
                .error()).startsWith("flags: give exactly one of KBPS");
        assertThat(http.post("/api/switches/1/meters", "{\"bands\": [{\"type\": \"DROP\"}]}").error())
                .isEqualTo("bands[0].rate: missing");
        assertThat(http.post("/api/switches/1/meters", "{\"bands\": [], \"colour\": 1}").status()).isEqualTo(400);
        assertThat(http.delete("/api/switches/1/groups/seven").error()).startsWith("'seven' is not a group id");
        String bucket = "{\"actions\": [{\"type\": \"OUTPUT\", \"port\": 1}]}";
        String huge = "{\"type\": \"ALL\", \"buckets\": [" + String.join(",", java.util.Collections.nCopies(5000, bucket)) + "]}";
        assertThat(http.post("/api/switches/1/groups", huge).error()).startsWith("the group encodes to ")
                .contains("more than an OpenFlow message can hold");
        assertThat(peer.received(org.projectfloodlight.openflow.protocol.OFGroupMod.class)).hasSize(groupMods);
    }

    @Test
    void flowsPointAtGroupsAndMetersThroughRest() {
        assertThat(http.post("/api/switches/1/groups", """
                {"type": "ALL", "buckets": [{"actions": [{"type": "OUTPUT", "port": 1}]}]}""").status()).isEqualTo(201);
        assertThat(http.post("/api/switches/1/meters", "{\"bands\": [{\"type\": \"DROP\", \"rate\": 100}]}").status())
                .isEqualTo(201);
        Answer flow = http.post("/api/switches/1/flows", """
                {"match": {"in_port": 2}, "actions": [{"type": "METER", "meter_id": 1}, {"type": "GROUP", "group_id": 1}]}""");
        assertThat(flow.status()).as(flow.text()).isEqualTo(201);
        assertThat(flow.json().get("actions").toString())
                .isEqualTo("[{\"type\":\"METER\",\"meter_id\":1},{\"type\":\"GROUP\",\"group_id\":1}]");
        assertThat(http.delete("/api/switches/1/flows").status()).isEqualTo(200);
    }

    @Test
    void anOpenFlow10SwitchIsRefusedOneLineAndSentNothing() throws Exception {
        try (SwitchPeer old = SwitchPeer.connect(controller.address(), 2, 1, 2)
                .speaking(org.projectfloodlight.openflow.protocol.OFVersion.OF_10).sayHello()) {
            assertThat(controller.awaitSwitches(List.of(DatapathId.of(2)), WAIT)).isTrue();
            Answer group = http.post("/api/switches/2/groups", "{\"type\": \"ALL\", \"buckets\": [{\"actions\": []}]}");
            assertThat(group.status()).isEqualTo(400);
            assertThat(group.error()).isEqualTo("groups need OpenFlow 1.1 to 1.4 here; this switch speaks OpenFlow 1.0");
            assertThat(http.get("/api/switches/2/meters/stats").error())
                    .isEqualTo("meters need OpenFlow 1.3 or later; this switch speaks OpenFlow 1.0");
            assertThat(http.get("/api/switches/2/groups").status()).isEqualTo(400);
            assertThat(old.received()).noneMatch(m -> m.getType().name().startsWith("GROUP")
                    || m.getType().name().startsWith("METER"));
        }
    }
}
