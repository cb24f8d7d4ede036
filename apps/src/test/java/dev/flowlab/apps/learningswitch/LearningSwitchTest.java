package dev.flowlab.apps.learningswitch;

import static dev.flowlab.apps.fake.Hosts.arpRequest;
import static dev.flowlab.apps.fake.Hosts.lldp;
import static dev.flowlab.apps.fake.Hosts.ping;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.apps.fake.AppSwitch;
import dev.flowlab.apps.fake.FakeContext;
import dev.flowlab.apps.fake.Hosts;
import dev.flowlab.controller.api.Flows;
import dev.flowlab.controller.api.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.protocol.OFFlowAdd;
import org.projectfloodlight.openflow.protocol.OFFlowDelete;
import org.projectfloodlight.openflow.protocol.OFPacketOut;
import org.projectfloodlight.openflow.protocol.match.MatchField;
import org.projectfloodlight.openflow.types.MacAddress;
import org.projectfloodlight.openflow.types.OFBufferId;
import org.projectfloodlight.openflow.types.OFPort;

/** The learning switch on a fake switch with h1, h2, h3 on ports 1, 2, 3. */
class LearningSwitchTest {
    private final LearningSwitch app = new LearningSwitch();
    private final AppSwitch s1 = new AppSwitch(1, app, 1, 2, 3);

    @Test
    void packetToAnUnknownHostIsFlooded() {
        assertThat(s1.receive(1, ping(1, 2))).containsExactly(2, 3);
        assertThat(s1.sent(OFFlowAdd.class)).isEmpty();
    }

    @Test
    void replyGoesOnlyToTheLearnedPort() {
        s1.receive(1, ping(1, 2));

        assertThat(s1.receive(2, ping(2, 1))).containsExactly(1);
    }

    @Test
    void onceBothHostsAreKnownTheirTrafficStaysInTheSwitch() {
        s1.receive(1, arpRequest(1, 2));
        s1.receive(2, ping(2, 1));
        s1.receive(1, ping(1, 2));
        int packetIns = s1.packetIns();

        assertThat(s1.receive(1, ping(1, 2))).containsExactly(2);
        assertThat(s1.receive(2, ping(2, 1))).containsExactly(1);
        assertThat(s1.packetIns()).isEqualTo(packetIns);
    }

    @Test
    void theReplyThatTeachesTheSwitchAlsoInstallsTheWayBack() {
        s1.receive(1, arpRequest(1, 2));
        s1.receive(2, ping(2, 1));
        int packetIns = s1.packetIns();

        assertThat(s1.receive(1, ping(1, 2))).containsExactly(2);
        assertThat(s1.packetIns()).isEqualTo(packetIns);
        OFFlowAdd back = s1.sent(OFFlowAdd.class).get(1);
        assertThat(back.getMatch().get(MatchField.IN_PORT)).isEqualTo(OFPort.of(1));
        assertThat(back.getMatch().get(MatchField.ETH_SRC)).isEqualTo(MacAddress.of(1));
        assertThat(back.getMatch().get(MatchField.ETH_DST)).isEqualTo(MacAddress.of(2));
        assertThat(back.getInstructions()).isEqualTo(Flows.apply(s1.factory(), Flows.output(s1.factory(), OFPort.of(2))));
    }

    @Test
    void flowToAKnownHostMatchesPortAndBothAddressesAndAgesOut() {
        s1.receive(1, ping(1, 2));
        s1.receive(2, ping(2, 1));

        OFFlowAdd flow = s1.sent(OFFlowAdd.class).get(0);
        assertThat(flow.getMatch().get(MatchField.IN_PORT)).isEqualTo(OFPort.of(2));
        assertThat(flow.getMatch().get(MatchField.ETH_SRC)).isEqualTo(MacAddress.of(2));
        assertThat(flow.getMatch().get(MatchField.ETH_DST)).isEqualTo(MacAddress.of(1));
        assertThat(flow.getMatch().getMatchFields()).hasSize(3);
        assertThat(flow.getPriority()).isEqualTo(LearningSwitch.PRIORITY).isPositive();
        assertThat(flow.getIdleTimeout()).isEqualTo(60);
        assertThat(flow.getHardTimeout()).isZero();
        assertThat(flow.getCookie()).isEqualTo(Flows.cookie("learning-switch"));
        assertThat(flow.getInstructions()).isEqualTo(Flows.apply(s1.factory(), Flows.output(s1.factory(), OFPort.of(1))));
    }

    @Test
    void packetThatTaughtTheFlowIsSentOnWithItsBytes() {
        byte[] reply = ping(2, 1);
        s1.receive(1, ping(1, 2));
        s1.receive(2, reply);

        OFPacketOut out = s1.sent(OFPacketOut.class).get(1);
        assertThat(out.getInPort()).isEqualTo(OFPort.of(2));
        assertThat(out.getBufferId()).isEqualTo(OFBufferId.NO_BUFFER);
        assertThat(out.getData()).isEqualTo(reply);
        assertThat(out.getActions()).isEqualTo(List.of(Flows.output(s1.factory(), OFPort.of(1))));
    }

    @Test
    void bufferedPacketIsSentOnByBufferId() {
        s1.buffering();
        s1.receive(1, ping(1, 2));

        assertThat(s1.receive(2, ping(2, 1))).containsExactly(1);
        OFPacketOut out = s1.sent(OFPacketOut.class).get(1);
        assertThat(out.getBufferId()).isNotEqualTo(OFBufferId.NO_BUFFER);
        assertThat(out.getData()).isEmpty();
    }

    @Test
    void broadcastIsAlwaysFlooded() {
        s1.receive(1, ping(1, 2));
        s1.receive(2, ping(2, 1));

        assertThat(s1.receive(2, arpRequest(2, 3))).containsExactly(1, 3);
    }

    @Test
    void aMulticastSourceIsNeverLearntSoBroadcastsStillReachEveryone() {
        s1.receive(3, Hosts.from(MacAddress.BROADCAST, ping(3, 1)));   // a forged sender address
        s1.receive(3, Hosts.from(MacAddress.of("01:00:5e:00:00:01"), ping(3, 1)));

        assertThat(s1.receive(1, arpRequest(1, 2))).containsExactly(2, 3);
        assertThat(app.macsHeld(s1.id())).isEqualTo(1);   // h1 only
    }

    @Test
    void hostMovingToAnotherPortIsFollowed() {
        s1.receive(1, ping(1, 2));
        s1.receive(3, ping(1, 2));  // h1 now sends from port 3

        assertThat(s1.receive(2, ping(2, 1))).containsExactly(3);
    }

    @Test
    void packetForAHostBehindItsOwnIngressPortGoesNowhere() {
        s1.receive(1, ping(1, 4));   // h1 and h4 share port 1 (a hub behind it)
        s1.receive(1, ping(4, 1));

        assertThat(s1.receive(1, ping(4, 1))).isEmpty();
        assertThat(s1.sent(OFFlowAdd.class)).isEmpty();
    }

    @Test
    void linkDownForgetsHostsBehindItAndDeletesFlowsIntoIt() {
        s1.receive(1, ping(1, 2));
        s1.receive(2, ping(2, 1));
        s1.receive(1, ping(1, 2));
        assertThat(s1.table().entries()).hasSize(3);  // table-miss + both directions

        s1.linkDown(2);

        OFFlowDelete delete = s1.sent(OFFlowDelete.class).get(0);
        assertThat(delete.getOutPort()).isEqualTo(OFPort.of(2));
        assertThat(delete.getCookie()).isEqualTo(Flows.cookie("learning-switch"));
        assertThat(s1.table().entries()).hasSize(2);
        assertThat(s1.receive(1, ping(1, 2))).containsExactly(3);  // h2 unknown again; port 2 is down
    }

    @Test
    void switchDownForgetsEverythingAboutIt() {
        s1.receive(1, ping(1, 2));
        s1.receive(2, ping(2, 1));

        app.onSwitchDown(s1.id());
        AppSwitch reconnected = new AppSwitch(1, app, 1, 2, 3);  // flows gone too, as after a switch restart

        assertThat(reconnected.receive(2, ping(2, 1))).containsExactly(1, 3);
    }

    @Test
    void eachSwitchLearnsOnItsOwn() {
        AppSwitch s2 = new AppSwitch(2, app, 1, 2, 3);
        s1.receive(1, ping(1, 2));
        s1.receive(2, ping(2, 1));

        assertThat(s2.receive(2, ping(2, 1))).isEqualTo(Set.of(1, 3));
    }

    @Test
    void threeHundredThousandSourceMacsLeaveTheTableAtItsCap() {
        int senders = 300_000;
        for (int h = 10; h < 10 + senders; h++) {
            s1.receive(1, arpRequest(h, 1));   // broadcasts: no flows, every one reaches the app
        }

        assertThat(app.macsHeld(s1.id())).isEqualTo(8192);
        assertThat(s1.receive(2, ping(2, 10 + senders - 1))).as("the newest is known").containsExactly(1);
        assertThat(s1.receive(3, ping(3, 10))).as("the oldest made room").containsExactly(1, 2);
    }

    @Test
    void tableSizeAndAgingTimeComeFromTheConfigFile() {
        AtomicLong now = new AtomicLong();
        LearningSwitch small = new LearningSwitch(null, now::get);
        small.start(new FakeContext(LearningSwitch.ID, new LearningSwitchConfig(2, 10)));
        AppSwitch sw = new AppSwitch(1, small, 1, 2, 3);
        sw.receive(1, arpRequest(1, 9));
        sw.receive(2, arpRequest(2, 9));
        sw.receive(3, arpRequest(3, 9));

        assertThat(small.macsHeld(sw.id())).isEqualTo(2);
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(sw.receive(1, ping(4, 3))).as("h3 aged out after 10 s").containsExactly(2, 3);
    }

    @Test
    void aMacNotSeenForTheAgingTimeIsForgotten() {
        AtomicLong now = new AtomicLong();
        LearningSwitch ageing = new LearningSwitch(null, now::get);
        AppSwitch sw = new AppSwitch(1, ageing, 1, 2, 3);
        sw.receive(1, arpRequest(1, 9));   // h1 on port 1 at 0 s

        now.addAndGet(Duration.ofSeconds(200).toNanos());
        sw.receive(1, arpRequest(1, 9));   // seen again at 200 s
        now.addAndGet(Duration.ofSeconds(299).toNanos());
        assertThat(sw.receive(2, ping(2, 1))).as("299 s after its last packet").containsExactly(1);
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(sw.receive(3, ping(3, 1))).as("300 s after its last packet").containsExactly(1, 2);
    }

    @Test
    void lldpIsLeftToOtherApps() {
        assertThat(s1.offer(1, lldp(1))).isEqualTo(Verdict.CONTINUE);
        assertThat(s1.sent()).isEmpty();
    }
}
