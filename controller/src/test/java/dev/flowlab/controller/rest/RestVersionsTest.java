package dev.flowlab.controller.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowlab.controller.Controller;
import dev.flowlab.controller.ControllerConfig;
import dev.flowlab.controller.RestConfig;
import dev.flowlab.controller.rest.Http.Answer;
import dev.flowlab.controller.testing.SwitchPeer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.types.DatapathId;

/** The REST API for switches of each OpenFlow version: what the version has works, the rest is one clear refusal. */
class RestVersionsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @ParameterizedTest
    @EnumSource(value = OFVersion.class, names = {"OF_10", "OF_13", "OF_14", "OF_15"})
    void flowsAndPortsAreListedAndStaticFlowsNeed13(OFVersion version) throws Exception {
        try (Controller controller = Controller.start(ControllerConfig.builder().listen("127.0.0.1", 0)
                .rest(RestConfig.on("127.0.0.1", 0)).build());
             SwitchPeer sw = SwitchPeer.connect(controller.address(), 1, 1, 2).speaking(version).sayHello()) {
            assertThat(controller.awaitSwitches(List.of(DatapathId.of(1)), WAIT)).isTrue();
            Http http = new Http(controller.restAccess().orElseThrow());

            JsonNode flows = http.get("/api/switches/1/flows").json();   // the peer's two fixed entries, highest priority first
            assertThat(flows).hasSize(2);
            assertThat(flows.get(0).get("priority").asInt()).isEqualTo(2);
            assertThat(flows.get(0).get("byte_count").asLong()).isEqualTo(2000);
            assertThat(flows.get(1).get("packet_count").asLong()).isEqualTo(10);
            assertThat(http.get("/api/switches/1/ports").json()).hasSize(2);

            Answer add = http.post("/api/switches/1/flows", "{\"priority\": 5, \"actions\": [{\"type\": \"OUTPUT\", \"port\": 2}]}");
            if (version == OFVersion.OF_10) {
                assertThat(add.status()).isEqualTo(400);
                assertThat(add.error()).isEqualTo("switch 00:00:00:00:00:00:00:01 speaks OpenFlow 1.0; static flows need"
                        + " OpenFlow 1.3 or later (cookie masks, instructions): run its bridge with OpenFlow13, 14 or 15");
            } else {
                assertThat(add.status()).as(add.toString()).isNotEqualTo(400);
            }
        }
    }
}
