package dev.flowlab.controller.openflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowlab.controller.Controller;
import dev.flowlab.controller.ControllerConfig;
import dev.flowlab.controller.Poll;
import dev.flowlab.controller.api.Flows;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.api.SwitchErrorException;
import dev.flowlab.controller.testing.RecordingApp;
import dev.flowlab.controller.testing.SwitchPeer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.protocol.OFBadRequestCode;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFFlowAdd;
import org.projectfloodlight.openflow.protocol.OFFlowStatsReply;
import org.projectfloodlight.openflow.protocol.OFPacketOut;
import org.projectfloodlight.openflow.protocol.action.OFAction;
import org.projectfloodlight.openflow.protocol.OFPortDesc;
import org.projectfloodlight.openflow.protocol.OFPortReason;
import org.projectfloodlight.openflow.protocol.OFPortStatsRequest;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.OFPort;

/** What an app does with a {@link Switch}: ports, requests with futures, errors. */
class SwitchHandleTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private final RecordingApp app = new RecordingApp("recorder");
    private Controller controller;
    private SwitchPeer peer;
    private Switch sw;

    @BeforeEach
    void start() throws Exception {
        controller = Controller.start(ControllerConfig.builder().listen("127.0.0.1", 0)
                .requestTimeout(Duration.ofMillis(300)).build(), List.of(app));
        peer = SwitchPeer.handshake(controller.address(), 1, 1, 2);
        assertThat(controller.awaitSwitches(List.of(DatapathId.of(1)), WAIT)).isTrue();
        sw = controller.switchById(DatapathId.of(1)).orElseThrow();
    }

    @AfterEach
    void stop() {
        peer.close();
        controller.close();
    }

    private List<Integer> portNumbers() {
        return sw.ports().stream().map(p -> p.getPortNo().getPortNumber()).toList();
    }

    @Test
    void portsFollowPortStatusMessages() {
        peer.sendPortStatus(OFPortReason.ADD, 3, false);
        Poll.until("port 3 added", WAIT, () -> portNumbers().equals(List.of(1, 2, 3)));

        peer.sendPortStatus(OFPortReason.MODIFY, 2, true);
        Poll.until("port 2 link down", WAIT, () -> app.count("port-status 1 port 2") == 1);
        assertThat(sw.port(OFPort.of(2)).map(OFPortDesc::getState).orElseThrow()).isNotEmpty()
                .allSatisfy(state -> assertThat(state.name()).isEqualTo("LINK_DOWN"));

        peer.sendPortStatus(OFPortReason.DELETE, 1, true);
        Poll.until("port 1 deleted", WAIT, () -> portNumbers().equals(List.of(2, 3)));
        Poll.until("apps told", WAIT, () -> app.count("port-status") == 3);
    }

    @Test
    void multipartReplyPartsAreJoined() throws Exception {
        List<OFFlowStatsReply> parts = sw.request(sw.factory().buildFlowStatsRequest().build()).get(5, TimeUnit.SECONDS);

        assertThat(parts).hasSize(2);
        assertThat(parts.stream().flatMap(p -> p.getEntries().stream()).map(e -> e.getPriority())).containsExactly(1, 2);
    }

    @Test
    void barrierCompletesWhenTheSwitchAnswers() throws Exception {
        assertThat(sw.barrier().get(5, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void unansweredRequestTimesOut() {
        // The peer does not answer port stats.
        var reply = sw.request(sw.factory().buildPortStatsRequest().setPortNo(OFPort.ANY).build());

        assertThatThrownBy(() -> reply.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(TimeoutException.class);
    }

    @Test
    void errorReplyFailsTheRequestAndIsNotAnAppEvent() {
        var reply = sw.request(sw.factory().buildPortStatsRequest().setPortNo(OFPort.ANY).build());
        OFPortStatsRequest request = peer.await(OFPortStatsRequest.class, 1, WAIT).get(0);
        peer.send(SwitchPeer.OF13.errorMsgs().buildBadRequestErrorMsg().setXid(request.getXid())
                .setCode(OFBadRequestCode.BAD_STAT).build());

        assertThatThrownBy(() -> reply.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(SwitchErrorException.class);
        assertThat(app.count("error")).isZero();
    }

    @Test
    void unsolicitedErrorReachesTheApps() {
        peer.send(SwitchPeer.OF13.errorMsgs().buildBadRequestErrorMsg().setXid(12345)
                .setCode(OFBadRequestCode.BAD_TYPE).build());

        Poll.until("app sees the error", WAIT, () -> app.events().contains("error 1 BAD_REQUEST"));
    }

    @Test
    void requestsFailWhenTheSwitchDisconnects() {
        var reply = sw.request(sw.factory().buildPortStatsRequest().setPortNo(OFPort.ANY).build());
        peer.await(OFPortStatsRequest.class, 1, WAIT);
        peer.close();

        assertThatThrownBy(() -> reply.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IllegalStateException.class);
        Poll.until("handle reports disconnected", WAIT, () -> !sw.isConnected());
        assertThat(sw.request(sw.factory().buildPortStatsRequest().build())).isCompletedExceptionally();
    }

    @Test
    void aMessageTooLargeForOpenFlowFailsItsSenderAndTheConnectionCarriesOn() throws Exception {
        OFFactory of = sw.factory();
        OFPacketOut huge = Flows.packetOut(of, OFPort.CONTROLLER, List.of(Flows.output(of, OFPort.of(1))), new byte[70_000]);

        assertThatThrownBy(() -> sw.send(huge)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the PACKET_OUT to switch 00:00:00:00:00:00:00:01 encodes to 70")
                .hasMessageContaining("more than an OpenFlow message can hold (65535 bytes)")
                .hasMessageNotContaining("\n");
        List<OFAction> actions = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {   // 16 bytes each: 80,000 bytes of actions
            actions.add(Flows.output(of, OFPort.of(1 + i % 2)));
        }
        var confirmed = sw.sendConfirmed(of.buildFlowAdd().setPriority(5).setMatch(of.buildMatch().build())
                .setInstructions(Flows.apply(of, actions.toArray(OFAction[]::new))).build());
        assertThatThrownBy(() -> confirmed.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the FLOW_MOD to switch 00:00:00:00:00:00:00:01 encodes to");

        // Nothing of either was written: the next message reaches the switch whole, on the same connection.
        sw.send(Flows.packetOut(of, OFPort.CONTROLLER, List.of(Flows.output(of, OFPort.of(2))), new byte[] {1, 2, 3}));
        OFPacketOut next = peer.awaitFirst(OFPacketOut.class, out -> out.getData().length == 3, WAIT);
        assertThat(next.getData()).containsExactly(1, 2, 3);
        assertThat(peer.received(OFFlowAdd.class)).noneMatch(add -> add.getPriority() == 5);
        assertThat(sw.isConnected()).isTrue();
        assertThat(sw.barrier().get(5, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void aMessageTooLargeSentWhileHandlingAPacketInThrowsInTheApp() throws Exception {
        List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        RecordingApp sender = new RecordingApp("sender", 100, in -> {
            OFFactory of = in.sw().factory();
            try {   // on the switch's I/O thread, inside its read batch
                in.sw().send(Flows.packetOut(of, OFPort.CONTROLLER, List.of(Flows.output(of, OFPort.of(1))), new byte[70_000]));
                heard.add("sent");
            } catch (IllegalArgumentException e) {
                heard.add(e.getMessage());
            }
            in.sw().send(Flows.packetOut(of, OFPort.CONTROLLER, List.of(Flows.output(of, OFPort.of(2))), new byte[] {4, 5, 6}));
            return dev.flowlab.controller.api.Verdict.HANDLED;
        });
        try (Controller other = Controller.start(ControllerConfig.builder().listen("127.0.0.1", 0).build(), List.of(sender));
             SwitchPeer switchPeer = SwitchPeer.handshake(other.address(), 7, 1, 2)) {
            assertThat(other.awaitSwitches(List.of(DatapathId.of(7)), WAIT)).isTrue();
            switchPeer.sendPacketIn(1, new byte[60]);

            OFPacketOut next = switchPeer.awaitFirst(OFPacketOut.class, out -> out.getData().length == 3, WAIT);
            assertThat(next.getData()).containsExactly(4, 5, 6);
            assertThat(heard).singleElement().asString()
                    .startsWith("the PACKET_OUT to switch 00:00:00:00:00:00:00:07 encodes to 70")
                    .contains("more than an OpenFlow message can hold (65535 bytes)");
            assertThat(switchPeer.isClosed()).isFalse();
        }
    }
}
