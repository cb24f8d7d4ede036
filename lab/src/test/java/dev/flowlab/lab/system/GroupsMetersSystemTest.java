package dev.flowlab.lab.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowlab.lab.Lab;
import dev.flowlab.testkit.Leftovers;
import dev.flowlab.testkit.SystemTest;
import dev.flowlab.topologies.Topologies;
import org.junit.jupiter.api.Test;

/**
 * Groups and meters through the REST API on a real Open vSwitch bridge (userspace datapath): what
 * {@code ovs-ofctl -O OpenFlow13 dump-groups} and {@code dump-meters} show, with owners and counters
 * read back through REST, and a flow that uses both carrying traffic.
 */
@SystemTest(GroupsMetersSystemTest.PREFIX)
class GroupsMetersSystemTest {
    static final String PREFIX = "gm";

    @Test
    void restGroupsAndMetersAreOnTheBridgeWithTheirOwnerUntilDeleted() {
        try (Lab lab = AppLabs.start(Topologies.single(2), PREFIX, "learning-switch")) {
            RestClient rest = new RestClient(lab);
            String bridge = lab.bridgeName("s1");

            RestClient.Answer group = rest.post("/api/switches/1/groups", """
                    {"type": "FF", "buckets": [{"watch_port": 2, "actions": [{"type": "OUTPUT", "port": 2}]},
                                               {"watch_port": 1, "actions": [{"type": "OUTPUT", "port": 1}]}]}""");
            assertThat(group.status()).as(String.valueOf(group.json())).isEqualTo(201);
            long groupId = group.json().get("group_id").asLong();
            RestClient.Answer meter = rest.post("/api/switches/1/meters", """
                    {"flags": ["KBPS", "STATS"], "bands": [{"type": "DROP", "rate": 1000, "burst_size": 100}]}""");
            assertThat(meter.status()).as(String.valueOf(meter.json())).isEqualTo(201);
            long meterId = meter.json().get("meter_id").asLong();

            String groups = SystemTests.must("ovs-ofctl", "-O", "OpenFlow13", "dump-groups", bridge);
            assertThat(groups).contains("group_id=" + groupId + ",type=ff,bucket=watch_port:2,actions=output:2,"
                    + "bucket=watch_port:1,actions=output:1");
            String meters = SystemTests.must("ovs-ofctl", "-O", "OpenFlow13", "dump-meters", bridge);
            assertThat(meters).contains("meter=" + meterId + " kbps burst stats bands=").contains("type=drop rate=1000 burst_size=100");

            JsonNode listed = rest.get("/api/switches/1/groups").json();
            assertThat(listed.get(0).get("owner").asText()).isEqualTo("rest");
            assertThat(listed.get(0).get("buckets").get(0).get("watch_port").asInt()).isEqualTo(2);
            assertThat(rest.get("/api/switches/1/meters").json().get(0).get("bands").get(0).get("burst_size").asLong())
                    .isEqualTo(100);

            // h1 (port 1) to h2 through the meter and the group: the group's live first bucket carries it
            RestClient.Answer flow = rest.post("/api/switches/1/flows", """
                    {"priority": 1000, "match": {"in_port": 1, "eth_type": 2048},
                     "actions": [{"type": "METER", "meter_id": %d}, {"type": "GROUP", "group_id": %d}]}"""
                    .formatted(meterId, groupId));
            assertThat(flow.status()).as(String.valueOf(flow.json())).isEqualTo(201);
            String h2 = lab.network().host("h2").ip();
            assertThat(lab.network().host("h1").exec("ping", "-c", "3", "-i", "0.2", "-W", "2", h2).ok()).isTrue();
            assertThat(rest.get("/api/switches/1/groups/stats").json().get(0).get("owner").asText()).isEqualTo("rest");
            // the datapath hands its counters to OpenFlow at its next revalidation, within a second or so
            SystemTests.until("the group's first bucket counts the 3 echo requests", () -> rest.get(
                    "/api/switches/1/groups/stats").json().get(0).get("bucket_stats").get(0).get("packet_count").asLong() >= 3);
            SystemTests.until("the meter counts them", () -> rest.get("/api/switches/1/meters/stats").json().get(0)
                    .get("packet_in_count").asLong() >= 3);

            assertThat(rest.delete("/api/switches/1/groups/" + groupId).status()).isEqualTo(200);
            assertThat(rest.delete("/api/switches/1/meters").json().get("deleted").asInt()).isEqualTo(1);
            assertThat(SystemTests.must("ovs-ofctl", "-O", "OpenFlow13", "dump-groups", bridge)).doesNotContain("group_id=");
            assertThat(SystemTests.must("ovs-ofctl", "-O", "OpenFlow13", "dump-meters", bridge)).doesNotContain("meter=");
            assertThat(AppLabs.flows(lab, "s1")).as("deleting the group deleted the flow that used it")
                    .doesNotContain("priority=1000");
        }
        assertThat(Leftovers.named(PREFIX)).isEmpty();
    }
}
