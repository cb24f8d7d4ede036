package dev.flowlab.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowlab.apps.fake.Frames;
import dev.flowlab.apps.hub.Hub;
import dev.flowlab.apps.learningswitch.LearningSwitch;
import dev.flowlab.controller.Controller;
import dev.flowlab.controller.ControllerConfig;
import dev.flowlab.controller.api.App;
import dev.flowlab.controller.api.Flows;
import dev.flowlab.controller.testing.SwitchPeer;
import dev.flowlab.controller.Poll;
import java.util.concurrent.TimeUnit;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFFlowStatsEntry;
import org.projectfloodlight.openflow.protocol.OFPortReason;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.projectfloodlight.openflow.protocol.OFFlowMod;
import org.projectfloodlight.openflow.protocol.OFFlowModCommand;
import org.projectfloodlight.openflow.protocol.OFPacketOut;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.protocol.action.OFAction;
import org.projectfloodlight.openflow.protocol.action.OFActionOutput;
import org.projectfloodlight.openflow.protocol.instruction.OFInstructionApplyActions;
import org.projectfloodlight.openflow.protocol.match.MatchField;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.IPv4Address;
import org.projectfloodlight.openflow.types.MacAddress;
import org.projectfloodlight.openflow.types.OFPort;

/**
 * The apps that run on every OpenFlow version, through the real controller, against a switch peer that
 * speaks only that version: what they send must be that version's messages, with the right fields.
 */
class OpenFlowVersionsTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final MacAddress H1 = MacAddress.of("00:00:00:00:00:01");
    private static final MacAddress H2 = MacAddress.of("00:00:00:00:00:02");
    private static final IPv4Address IP1 = IPv4Address.of("10.0.0.1");
    private static final IPv4Address IP2 = IPv4Address.of("10.0.0.2");

    @ParameterizedTest
    @EnumSource(value = OFVersion.class, names = {"OF_10", "OF_13", "OF_14", "OF_15"})
    void learningSwitchFloodsTheUnknownAndInstallsAFlowForTheKnown(OFVersion version) throws Exception {
        try (Controller controller = start(new LearningSwitch());
             SwitchPeer peer = SwitchPeer.connect(controller.address(), 1, 1, 2, 3).speaking(version).sayHello()) {
            assertThat(controller.awaitSwitches(List.of(DatapathId.of(1)), WAIT)).isTrue();

            peer.sendPacketIn(1, Frames.arpRequest(H1, IP1, IP2));   // h1 asks for h2: unknown, flooded
            OFPacketOut flood = peer.awaitAnswers(1, WAIT).get(0);
            assertThat(flood.getVersion()).isEqualTo(version);
            assertThat(Flows.inPortOf(flood)).isEqualTo(OFPort.of(1));
            assertThat(outputs(flood.getActions())).containsExactly(OFPort.FLOOD);

            peer.sendPacketIn(2, Frames.arpReply(H2, IP2, H1, IP1));   // h2 answers: h1 is known on port 1
            OFFlowMod flow = peer.awaitFirst(OFFlowMod.class, add -> add.getPriority() > 0
                    && H1.equals(add.getMatch().get(MatchField.ETH_DST)), WAIT);
            assertThat(flow.getVersion()).isEqualTo(version);
            // 1.0's add would reset an entry that is already there; its strict modify keeps the counters and adds when missing
            assertThat(flow.getCommand()).isEqualTo(version == OFVersion.OF_10 ? OFFlowModCommand.MODIFY_STRICT : OFFlowModCommand.ADD);
            assertThat(flow.getMatch().get(MatchField.IN_PORT)).isEqualTo(OFPort.of(2));
            assertThat(flow.getMatch().get(MatchField.ETH_SRC)).isEqualTo(H2);
            assertThat(outputs(flow.getActions())).containsExactly(OFPort.of(1));
            assertThat(outputs(peer.awaitAnswers(2, WAIT).get(1).getActions())).containsExactly(OFPort.of(1));
        }
    }

    /**
     * A 1.0 flow delete cannot select by cookie: one by out port alone would take every entry into the port,
     * another app's and a person's too. The learning switch deletes its own entries there, and no one else's.
     */
    @ParameterizedTest
    @EnumSource(value = OFVersion.class, names = {"OF_10", "OF_13"})
    void learningSwitchDeletesOnlyItsOwnEntriesIntoAPortThatWentDown(OFVersion version) throws Exception {
        try (Controller controller = start(new LearningSwitch());
             SwitchPeer peer = SwitchPeer.connect(controller.address(), 1, 1, 2, 3).speaking(version).keepFlowTable(1)
                     .sayHello()) {
            assertThat(controller.awaitSwitches(List.of(DatapathId.of(1)), WAIT)).isTrue();
            OFFactory of = peer.factory();
            peer.install(of.buildFlowAdd().setCookie(Flows.cookie("someone-else")).setPriority(5)
                    .setMatch(Flows.match(of, Flows.oxms(of).inPort(OFPort.of(3)))).setActions(List.of(Flows.output(of, OFPort.of(2))))
                    .build());
            peer.sendPacketIn(1, Frames.arpRequest(H1, IP1, IP2));
            peer.sendPacketIn(2, Frames.arpReply(H2, IP2, H1, IP1));                 // its entry into port 1
            peer.sendPacketIn(1, Frames.echo(true, H1, IP1, H2, IP2, 1));           // its entry into port 2
            Poll.until("the learning switch's two entries", WAIT, () -> own(peer).size() == 2);
            List<OFFlowStatsEntry> others = peer.flows().stream().filter(e -> !own(peer).contains(e)).toList();
            assertThat(others).extracting(OFFlowStatsEntry::getCookie)
                    .contains(Flows.cookie("someone-else"), Flows.cookie("link-discovery"));

            peer.sendPortStatus(OFPortReason.MODIFY, 2, true);
            Poll.until("its entry into port 2 deleted", WAIT, () -> own(peer).size() == 1);
            controller.switchById(DatapathId.of(1)).orElseThrow().barrier().get(5, TimeUnit.SECONDS);
            assertThat(own(peer)).singleElement().satisfies(e -> assertThat(e.getMatch().get(MatchField.ETH_DST)).isEqualTo(H1));
            assertThat(peer.flows()).as("everyone else's entries, into port 2 too").containsAll(others);
        }
    }

    /**
     * A packet-in for a pair whose entries exist (it raced them, or the way back idled out) sets both entries
     * again; the one that was there keeps its counters, as a user's dump-flows must show. OpenFlow 1.0's flow-add
     * would reset them (Open vSwitch does), so there the learning switch modifies strictly, which adds when missing.
     */
    @ParameterizedTest
    @EnumSource(value = OFVersion.class, names = {"OF_10", "OF_13"})
    void learningSwitchSettingAnEntryAgainKeepsItsCounters(OFVersion version) throws Exception {
        try (Controller controller = start(new LearningSwitch());
             SwitchPeer peer = SwitchPeer.connect(controller.address(), 1, 1, 2, 3).speaking(version).keepFlowTable(1)
                     .sayHello()) {
            assertThat(controller.awaitSwitches(List.of(DatapathId.of(1)), WAIT)).isTrue();
            peer.sendPacketIn(1, Frames.arpRequest(H1, IP1, IP2));
            peer.sendPacketIn(2, Frames.arpReply(H2, IP2, H1, IP1));   // both ways installed
            Poll.until("the learning switch's two entries", WAIT, () -> own(peer).size() == 2);
            peer.countPackets(e -> H1.equals(e.getMatch().get(MatchField.ETH_DST)), 7);   // h2 -> h1 traffic

            peer.sendPacketIn(1, Frames.echo(true, H1, IP1, H2, IP2, 1));   // h1 -> h2 raced its entry
            peer.awaitAnswers(3, WAIT);
            controller.switchById(DatapathId.of(1)).orElseThrow().barrier().get(5, TimeUnit.SECONDS);

            assertThat(own(peer)).hasSize(2);
            OFFlowStatsEntry toH1 = own(peer).stream().filter(e -> H1.equals(e.getMatch().get(MatchField.ETH_DST))).findFirst()
                    .orElseThrow();
            assertThat(toH1.getPacketCount().getValue()).as("h2 -> h1 counted on").isEqualTo(7);
            assertThat(outputs(actionsOf(toH1))).containsExactly(OFPort.of(1));
        }
    }

    /** An entry's actions: its own on 1.0, its apply-actions instruction's later. */
    private static List<OFAction> actionsOf(OFFlowStatsEntry e) {
        if (e.getVersion() == OFVersion.OF_10) {
            return e.getActions();
        }
        return e.getInstructions().stream().filter(OFInstructionApplyActions.class::isInstance)
                .flatMap(i -> ((OFInstructionApplyActions) i).getActions().stream()).toList();
    }

    private static List<OFFlowStatsEntry> own(SwitchPeer peer) {
        return peer.flows().stream().filter(e -> e.getCookie().equals(Flows.cookie(LearningSwitch.ID))).toList();
    }

    @ParameterizedTest
    @EnumSource(value = OFVersion.class, names = {"OF_10", "OF_13", "OF_14", "OF_15"})
    void hubFloodsEveryPacket(OFVersion version) throws Exception {
        try (Controller controller = start(new Hub());
             SwitchPeer peer = SwitchPeer.connect(controller.address(), 1, 1, 2).speaking(version).sayHello()) {
            assertThat(controller.awaitSwitches(List.of(DatapathId.of(1)), WAIT)).isTrue();

            peer.sendPacketIn(2, Frames.arpReply(H2, IP2, H1, IP1));
            OFPacketOut flood = peer.awaitAnswers(1, WAIT).get(0);
            assertThat(flood.getVersion()).isEqualTo(version);
            assertThat(Flows.inPortOf(flood)).isEqualTo(OFPort.of(2));
            assertThat(outputs(flood.getActions())).containsExactly(OFPort.FLOOD);
        }
    }

    @Test
    void appsThatNeedOpenFlow13AreRefusedBeforeStartWhenTheSwitchesSpeak10() {
        for (String app : List.of("routing", "router", "acl")) {
            assertThatThrownBy(() -> Controller.start(ControllerConfig.builder().listen("127.0.0.1", 0)
                    .apps(List.of("learning-switch", app)).switchVersion(OFVersion.OF_10).build()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("app " + app + " needs OpenFlow 1.3 or later, and the switches will speak "
                            + "OpenFlow 1.0; apps that run on OpenFlow 1.0: ")
                    .hasMessageContaining("hub, learning-switch");
        }
    }

    @Test
    void aControllerThatDoesNotKnowItsSwitchesRefusesThoseTooOldForItsApps() throws Exception {
        try (Controller controller = Controller.start(ControllerConfig.builder().listen("127.0.0.1", 0)
                .apps(List.of("learning-switch", "routing")).build());
             SwitchPeer old = SwitchPeer.connect(controller.address(), 1, 1, 2).speaking(OFVersion.OF_10).sayHello();
             SwitchPeer current = SwitchPeer.connect(controller.address(), 2, 1, 2).speaking(OFVersion.OF_14).sayHello()) {
            old.awaitClosed(WAIT);   // routing cannot serve it: refused at switch up, not served half-way
            assertThat(controller.awaitSwitches(List.of(DatapathId.of(2)), WAIT)).isTrue();
            assertThat(controller.switchById(DatapathId.of(1))).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(value = OFVersion.class, names = {"OF_13", "OF_14", "OF_15"})
    void everyShippedAppStartsForSwitchesOf13AndLater(OFVersion version) {
        for (String app : List.of("hub", "learning-switch", "routing", "acl")) {   // router needs its subnets file
            try (Controller c = Controller.start(ControllerConfig.builder().listen("127.0.0.1", 0).apps(List.of(app))
                    .switchVersion(version).build())) {
                assertThat(c.address()).isNotNull();
            }
        }
        try (Controller c = Controller.start(ControllerConfig.builder().listen("127.0.0.1", 0)
                .apps(List.of("hub", "learning-switch")).switchVersion(OFVersion.OF_10).build())) {
            assertThat(c.address()).isNotNull();
        }
    }

    private static Controller start(App app) {
        return Controller.start(ControllerConfig.builder().listen("127.0.0.1", 0).build(), List.of(app));
    }

    private static List<OFPort> outputs(List<OFAction> actions) {
        return actions.stream().filter(OFActionOutput.class::isInstance).map(a -> ((OFActionOutput) a).getPort()).toList();
    }
}
