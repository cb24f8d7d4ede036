package dev.flowlab.controller.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.controller.Controller;
import dev.flowlab.controller.ControllerConfig;
import dev.flowlab.controller.RestConfig;
import dev.flowlab.controller.VlanPorts;
import dev.flowlab.controller.api.VlanRole;
import dev.flowlab.controller.rest.Http.Answer;
import dev.flowlab.controller.testing.SwitchPeer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.types.DatapathId;

/**
 * A static flow that fits one OpenFlow message as posted, but not once the VLAN stage has added its
 * egress tagging, is a 400 with one line: it used to be dropped on the way out, and REST then answered
 * that the switch "accepted the flow but does not list it".
 */
class FlowTooBigAfterTheVlanStageTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final VlanPorts ROLES = new VlanPorts(Map.of("s1-eth1", VlanRole.access(10),
            "s1-eth2", VlanRole.trunk(List.of(10)), "s1-eth3", VlanRole.access(10)));

    @Test
    void aFlowTheVlanStageMakesTooBigIsA400() throws Exception {
        try (Controller controller = Controller.start(ControllerConfig.builder().apps().listen("127.0.0.1", 0)
                .vlanPorts(ROLES).rest(RestConfig.on("127.0.0.1", 0)).build());
             SwitchPeer peer = SwitchPeer.connect(controller.address(), 1, 1, 2, 3).keepFlowTable(2).sayHello()) {
            assertThat(controller.awaitSwitches(List.of(DatapathId.of(1)), WAIT)).isTrue();
            Http http = new Http(controller.restAccess().orElseThrow());
            StringBuilder actions = new StringBuilder();
            // Out of the trunk, out of an access port, a queue: 40 bytes as posted (64,000 in all, it fits), and
            // the VLAN stage pops the tag before the access port and pushes it again before the next trunk output.
            for (int i = 0; i < 1600; i++) {
                actions.append(i == 0 ? "" : ",").append("{\"type\": \"OUTPUT\", \"port\": 2}, {\"type\": \"OUTPUT\","
                        + " \"port\": 3}, {\"type\": \"SET_QUEUE\", \"queue_id\": 1}");
            }
            // The entries the switch's arrival installs (link discovery's comes from its switch-up) are in place first.
            controller.switchById(DatapathId.of(1)).orElseThrow().barrier().get(5, TimeUnit.SECONDS);
            int before = peer.flows().size();

            Answer answer = http.post("/api/switches/1/flows", "{\"match\": {\"in_port\": 1}, \"actions\": [" + actions + "]}");

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.error()).startsWith("the FLOW_MOD to switch 00:00:00:00:00:00:00:01 encodes to ")
                    .contains("more than an OpenFlow message can hold (65535 bytes)").doesNotContain("\n");
            assertThat(peer.flows()).hasSize(before);
        }
    }
}
