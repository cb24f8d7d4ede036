package dev.flowlab.controller.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.controller.Controller;
import dev.flowlab.controller.ControllerConfig;
import dev.flowlab.controller.Poll;
import dev.flowlab.controller.RestConfig;
import dev.flowlab.controller.role.RoleClaim;
import dev.flowlab.controller.testing.PeerRoles;
import dev.flowlab.controller.testing.SettableMastership;
import dev.flowlab.controller.testing.SwitchPeer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.types.DatapathId;

/** {@code GET /api/cluster}: members, leader, and the role held per switch with its generation id. */
class ClusterRoutesTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void showsTheRoleAndGenerationPerSwitchAndFollowsChanges() throws Exception {
        SettableMastership mastership = new SettableMastership("m1", RoleClaim.slave(7));
        try (Controller c = Controller.start(ControllerConfig.builder().listen("127.0.0.1", 0)
                .rest(RestConfig.on("127.0.0.1", 0)).mastership(mastership).build());
             SwitchPeer peer = SwitchPeer.connect(c.address(), 1, 1).roles(PeerRoles.likeOvs()).sayHello()) {
            assertThat(c.awaitSwitches(List.of(DatapathId.of(1)), WAIT)).isTrue();
            Http http = new Http(c.restAccess().orElseThrow());

            Http.Answer slave = http.get("/api/cluster");
            assertThat(slave.json().get("self").asText()).isEqualTo("m1");
            assertThat(slave.json().get("leader").asText()).isEqualTo("m1");
            assertThat(slave.json().get("members").get(0).get("id").asText()).isEqualTo("m1");
            assertThat(slave.json().get("switches").get(0).get("role").asText()).isEqualTo("SLAVE");
            assertThat(slave.json().get("switches").get(0).get("generation_id").asLong()).isEqualTo(7);

            mastership.set(RoleClaim.master(8));
            Poll.until("master in /api/cluster", WAIT, () ->
                    http.get("/api/cluster").json().get("switches").get(0).get("role").asText().equals("MASTER"));
            assertThat(http.get("/api/cluster").json().get("switches").get(0).get("generation_id").asLong()).isEqualTo(8);
            assertThat(http.get("/api/switches").json().get(0).get("role").asText()).isEqualTo("MASTER");
        }
    }

    @Test
    void aSlaveMemberAnswers409ToEveryChangeOfTheSwitch() throws Exception {
        try (Controller c = Controller.start(ControllerConfig.builder().listen("127.0.0.1", 0)
                .rest(RestConfig.on("127.0.0.1", 0)).mastership(new SettableMastership("m2", RoleClaim.slave(3))).build());
             SwitchPeer peer = SwitchPeer.connect(c.address(), 1, 1, 2).roles(PeerRoles.likeOvs()).keepFlowTable(1).sayHello()) {
            assertThat(c.awaitSwitches(List.of(DatapathId.of(1)), WAIT)).isTrue();
            Http http = new Http(c.restAccess().orElseThrow());

            Http.Answer group = http.post("/api/switches/1/groups",
                    "{\"type\": \"all\", \"buckets\": [{\"actions\": [{\"type\": \"OUTPUT\", \"port\": 2}]}]}");
            Http.Answer flow = http.post("/api/switches/1/flows", "{\"priority\": 5, \"actions\": []}");

            assertThat(group.status()).as(group.text()).isEqualTo(409);
            assertThat(group.text()).contains("SLAVE");
            assertThat(flow.status()).as(flow.text()).isEqualTo(409);
            assertThat(peer.groups()).isEmpty();
        }
    }
}
