package dev.flowlab.apps.hub;

import static dev.flowlab.apps.fake.Hosts.arpRequest;
import static dev.flowlab.apps.fake.Hosts.ping;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.apps.fake.AppSwitch;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.protocol.OFFlowMod;

/** The hub floods everything, every time, and installs nothing. */
class HubTest {
    private final AppSwitch s1 = new AppSwitch(1, new Hub(), 1, 2, 3);

    @Test
    void everyPacketLeavesOnEveryOtherPort() {
        assertThat(s1.receive(1, arpRequest(1, 2))).containsExactly(2, 3);
        assertThat(s1.receive(2, ping(2, 1))).containsExactly(1, 3);
        assertThat(s1.receive(2, ping(2, 1))).containsExactly(1, 3);
    }

    @Test
    void everyPacketGoesThroughTheControllerBecauseNoFlowIsInstalled() {
        s1.receive(1, ping(1, 2));
        s1.receive(1, ping(1, 2));

        assertThat(s1.packetIns()).isEqualTo(2);
        assertThat(s1.sent(OFFlowMod.class)).isEmpty();
    }
}
