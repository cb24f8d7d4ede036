package dev.flowlab.lab.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.controller.Controller;
import dev.flowlab.controller.ControllerConfig;
import dev.flowlab.controller.api.Flows;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.testkit.Leftovers;
import dev.flowlab.testkit.SystemTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.protocol.OFFlowStatsEntry;
import org.projectfloodlight.openflow.protocol.OFFlowStatsReply;
import org.projectfloodlight.openflow.types.DatapathId;

/**
 * flowlab's controller in charge of a network flowlab did not build: an OVS bridge and namespaces
 * made by hand with ip and ovs-vsctl, as a user with their own setup (or Mininet) would have.
 */
@SystemTest(EmbeddedControllerInteropTest.PREFIX)
class EmbeddedControllerInteropTest {
    static final String PREFIX = "clm";
    private static final long DPID = 0xc1a01L;

    @Test
    void learningSwitchConnectsEveryPairOfAHandMadeNetwork() throws Exception {
        try (Controller controller = Controller.start(ControllerConfig.builder().apps("learning-switch").listen("127.0.0.1", 0).build());
             HandMadeNetwork net = new HandMadeNetwork(PREFIX, 3, DPID, "secure",
                     "tcp:127.0.0.1:" + controller.address().getPort())) {
            assertThat(controller.awaitSwitches(List.of(DatapathId.of(DPID)), Duration.ofSeconds(30))).as("switch connected").isTrue();

            assertThat(net.unreachablePairs()).isEmpty();

            Switch sw = controller.switchById(DatapathId.of(DPID)).orElseThrow();
            List<OFFlowStatsReply> replies = sw.request(Flows.allFlows(sw.factory())).get(5, TimeUnit.SECONDS);
            List<OFFlowStatsEntry> learned = replies.stream().flatMap(r -> r.getEntries().stream())
                    .filter(e -> e.getCookie().equals(Flows.cookie("learning-switch"))).toList();   // not link discovery's
            assertThat(learned).as("flows the learning switch installed").isNotEmpty();
        }
        assertThat(Leftovers.named(PREFIX)).isEmpty();
    }
}
