package dev.flowlab.controller.openflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.controller.Controller;
import dev.flowlab.controller.ControllerConfig;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.testing.RecordingApp;
import dev.flowlab.controller.testing.SwitchPeer;
import dev.flowlab.controller.Poll;
import dev.flowlab.controller.VlanPorts;
import dev.flowlab.controller.api.VlanRole;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.projectfloodlight.openflow.protocol.OFErrorType;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFFlowAdd;
import org.projectfloodlight.openflow.protocol.OFHelloFailedCode;
import org.projectfloodlight.openflow.protocol.OFPortDesc;
import org.projectfloodlight.openflow.protocol.OFPortDescStatsRequest;
import org.projectfloodlight.openflow.protocol.OFSetConfig;
import org.projectfloodlight.openflow.protocol.OFType;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.protocol.action.OFActionOutput;
import org.projectfloodlight.openflow.protocol.errormsg.OFHelloFailedErrorMsg;
import org.projectfloodlight.openflow.protocol.instruction.OFInstructionApplyActions;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.U32;

/** The handshake as a switch sees it, over real TCP with real OpenFlow bytes. */
class HandshakeTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private final RecordingApp app = new RecordingApp("recorder");
    private Controller controller;

    @BeforeEach
    void start() {
        // The default 10 s handshake timeout: a close seen within WAIT cannot be that timeout.
        controller = Controller.start(ControllerConfig.builder().listen("127.0.0.1", 0).build(), List.of(app));
    }

    @AfterEach
    void stop() {
        controller.close();
    }

    @Test
    void switchComesUpWithItsPortsAfterTheFullHandshake() throws Exception {
        try (SwitchPeer peer = SwitchPeer.handshake(controller.address(), 1, 1, 2, 3)) {
            assertThat(controller.awaitSwitches(List.of(DatapathId.of(1)), WAIT)).isTrue();

            Switch sw = controller.switchById(DatapathId.of(1)).orElseThrow();
            assertThat(sw.ports()).extracting(OFPortDesc::getPortNo).containsExactly(OFPort.of(1), OFPort.of(2), OFPort.of(3));
            assertThat(app.events()).containsExactly("up 1");
            assertThat(peer.received(OFSetConfig.class)).singleElement()
                    .satisfies(c -> assertThat(c.getMissSendLen()).isEqualTo(0xffff));
            assertThat(peer.received(OFPortDescStatsRequest.class)).hasSize(1);
        }
    }

    @Test
    void tableMissEntrySendsWholePacketsToTheController() throws Exception {
        try (SwitchPeer peer = SwitchPeer.handshake(controller.address(), 1, 1)) {
            assertThat(controller.awaitSwitches(List.of(DatapathId.of(1)), WAIT)).isTrue();

            OFFlowAdd miss = peer.received(OFFlowAdd.class).get(0);
            assertThat(miss.getPriority()).isZero();
            assertThat(miss.getTableId().getValue()).isZero();
            assertThat(miss.getMatch().getMatchFields()).isEmpty();
            OFInstructionApplyActions apply = (OFInstructionApplyActions) miss.getInstructions().get(0);
            OFActionOutput output = (OFActionOutput) apply.getActions().get(0);
            assertThat(output.getPort()).isEqualTo(OFPort.CONTROLLER);
            assertThat(output.getMaxLen()).isEqualTo(0xffff);
        }
    }

    @ParameterizedTest
    @EnumSource(value = OFVersion.class, names = {"OF_10", "OF_13", "OF_14", "OF_15"})
    void aSwitchOfferingOneVersionComesUpSpeakingIt(OFVersion version) throws Exception {
        try (SwitchPeer peer = SwitchPeer.connect(controller.address(), 1, 1, 2).speaking(version).sayHello()) {
            assertThat(controller.awaitSwitches(List.of(DatapathId.of(1)), WAIT)).isTrue();

            Switch sw = controller.switchById(DatapathId.of(1)).orElseThrow();
            assertThat(sw.version()).isEqualTo(version);
            assertThat(sw.factory().getVersion()).isEqualTo(version);
            assertThat(sw.ports()).extracting(OFPortDesc::getPortNo).containsExactly(OFPort.of(1), OFPort.of(2));
            assertThat(peer.received()).filteredOn(m -> m.getType() != OFType.HELLO)
                    .allSatisfy(m -> assertThat(m.getVersion()).isEqualTo(version));
            // 1.0 lists its ports in FEATURES_REPLY and sends misses to the controller by itself.
            boolean of10 = version == OFVersion.OF_10;
            assertThat(peer.received(OFPortDescStatsRequest.class)).hasSize(of10 ? 0 : 1);
            assertThat(peer.received(OFFlowAdd.class)).filteredOn(add -> add.getPriority() == 0)   // the table-miss
                    .hasSize(of10 ? 0 : 1);
            assertThat(sw.barrier()).succeedsWithin(WAIT);   // the switch answers in its version, and we take it
        }
    }

    @Test
    void theHighestVersionBothSidesSpeakIsChosen() throws Exception {
        try (SwitchPeer peer = SwitchPeer.connect(controller.address(), 2, 1).speaking(OFVersion.OF_14)) {
            var of14 = OFFactories.getFactory(OFVersion.OF_14);
            // 1.0, 1.2, 1.3 and 1.4, as Open vSwitch offers with protocols=OpenFlow10,OpenFlow12,OpenFlow13,OpenFlow14
            peer.send(of14.buildHello().setElements(List.of(of14.buildHelloElemVersionbitmap()
                    .setBitmaps(List.of(U32.of((1 << 1) | (1 << 3) | (1 << 4) | (1 << 5)))).build())).build());
            assertThat(controller.awaitSwitches(List.of(DatapathId.of(2)), WAIT)).isTrue();
            assertThat(controller.switchById(DatapathId.of(2)).orElseThrow().version()).isEqualTo(OFVersion.OF_14);
        }
    }

    @Test
    void aPacketInReachesTheAppsInEachVersion() throws Exception {
        for (OFVersion version : List.of(OFVersion.OF_10, OFVersion.OF_14, OFVersion.OF_15)) {
            long dpid = 10 + version.getWireVersion();
            try (SwitchPeer peer = SwitchPeer.connect(controller.address(), dpid, 1, 2).speaking(version).sayHello()) {
                assertThat(controller.awaitSwitches(List.of(DatapathId.of(dpid)), WAIT)).isTrue();
                peer.sendPacketIn(2, new byte[60]);
                Poll.until("packet-in of " + version + " seen by the app", WAIT,
                        () -> app.events().contains("packet-in " + dpid + " port 2"));
            }
        }
    }

    @Test
    void anOpenFlow10SwitchIsClosedWhenTheNetworkHasVlans() throws Exception {
        VlanPorts vlans = new VlanPorts(Map.of("s9-eth1", VlanRole.access(10)));
        try (Controller withVlans = Controller.start(ControllerConfig.builder().listen("127.0.0.1", 0).vlanPorts(vlans)
                .build(), List.of(app));
             SwitchPeer peer = SwitchPeer.connect(withVlans.address(), 9, 1).speaking(OFVersion.OF_10).sayHello()) {
            peer.awaitClosed(WAIT);   // one table: no VLAN stage in front of the apps, so no switch up
            assertThat(peer.received(OFFlowAdd.class)).isEmpty();
            assertThat(app.events()).isEmpty();
        }
    }

    @Test
    void aNetworkWithVlansIsRefusedAtStartWhenItsSwitchesWillSpeak10() {
        VlanPorts vlans = new VlanPorts(Map.of("s9-eth1", VlanRole.access(10)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Controller.start(ControllerConfig.builder()
                        .listen("127.0.0.1", 0).vlanPorts(vlans).switchVersion(OFVersion.OF_10).build(), List.of(app)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("this network has VLANs, and the VLAN stage needs several flow tables: OpenFlow 1.3 or later,"
                        + " while the switches will speak OpenFlow 1.0");
    }

    @Test
    void peerOfferingOnlyAnUnsupportedVersionGetsHelloFailedAndIsClosed() throws Exception {
        try (SwitchPeer peer = SwitchPeer.connect(controller.address(), 7)) {
            peer.send(OFFactories.getFactory(OFVersion.OF_11).buildHello().build());

            OFHelloFailedErrorMsg error = peer.await(OFHelloFailedErrorMsg.class, 1, WAIT).get(0);
            assertThat(error.getErrType()).isEqualTo(OFErrorType.HELLO_FAILED);
            assertThat(error.getCode()).isEqualTo(OFHelloFailedCode.INCOMPATIBLE);
            assertThat(error.getVersion()).isEqualTo(OFVersion.OF_11);  // in a version the peer can read
            assertThat(new String(error.getData().getData(), StandardCharsets.US_ASCII))
                    .isEqualTo("flowlab speaks only OpenFlow 1.0, 1.3, 1.4 and 1.5");
            peer.awaitClosed(WAIT);
            assertThat(controller.switches()).isEmpty();
            assertThat(app.events()).isEmpty();
        }
    }

    @Test
    void versionBitmapWithNoVersionWeSpeakIsRefusedEvenFromANewerPeer() throws Exception {
        try (SwitchPeer peer = SwitchPeer.connect(controller.address(), 7)) {
            var of14 = OFFactories.getFactory(OFVersion.OF_14);
            peer.send(of14.buildHello().setElements(List.of(of14.buildHelloElemVersionbitmap()
                    .setBitmaps(List.of(U32.of((1 << 2) | (1 << 3)))).build())).build());   // 1.1 and 1.2 only

            peer.await(OFHelloFailedErrorMsg.class, 1, WAIT);
            peer.awaitClosed(WAIT);
        }
    }

    @Test
    void helloInAnUnknownWireVersionIsRefusedNotTreatedAsGarbage() throws Exception {
        try (SwitchPeer peer = SwitchPeer.connect(controller.address(), 7)) {
            peer.sendRaw(new byte[] {9, 0, 0, 8, 0, 0, 0, 1});

            OFHelloFailedErrorMsg error = peer.await(OFHelloFailedErrorMsg.class, 1, WAIT).get(0);
            assertThat(error.getVersion()).isEqualTo(OFVersion.OF_15);   // our newest: the closest a newer peer reads
            peer.awaitClosed(WAIT);
        }
    }

    @Test
    void helloWithoutBitmapFromA13PeerIsAccepted() throws Exception {
        try (SwitchPeer peer = SwitchPeer.connect(controller.address(), 3, 1)) {
            peer.send(SwitchPeer.OF13.buildHello().build());
            assertThat(controller.awaitSwitches(List.of(DatapathId.of(3)), WAIT)).isTrue();
        }
    }

    @Test
    void switchThatStallsInTheHandshakeIsClosedAfterTheTimeout() throws Exception {
        try (Controller strict = Controller.start(ControllerConfig.builder().listen("127.0.0.1", 0)
                .handshakeTimeout(Duration.ofMillis(300)).build(), List.of(app));
             SwitchPeer peer = SwitchPeer.connect(strict.address(), 4, 1)) {
            peer.stopAnsweringHandshake();
            peer.send(SwitchPeer.OF13.buildHello().build());

            peer.awaitClosed(WAIT);
            assertThat(app.events()).isEmpty();
        }
    }

    @Test
    void firstMessageOtherThanHelloClosesTheConnection() throws Exception {
        try (SwitchPeer peer = SwitchPeer.connect(controller.address(), 5)) {
            peer.sendPacketIn(1, new byte[60]);
            peer.awaitClosed(WAIT);
        }
    }
}
