package dev.flowlab.controller.openflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.controller.Controller;
import dev.flowlab.controller.ControllerConfig;
import dev.flowlab.controller.Poll;
import dev.flowlab.controller.api.Verdict;
import dev.flowlab.controller.testing.Frames;
import dev.flowlab.controller.testing.LogCapture;
import dev.flowlab.controller.testing.RecordingApp;
import dev.flowlab.controller.testing.SwitchPeer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.protocol.OFEchoReply;
import org.projectfloodlight.openflow.protocol.OFEchoRequest;
import org.projectfloodlight.openflow.protocol.OFPacketOut;
import org.projectfloodlight.openflow.types.DatapathId;

/** A switch that misbehaves, hangs or reconnects affects only itself; the others go on. */
class ConnectionFailureTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration ECHO_INTERVAL = Duration.ofMillis(200);
    private static final Duration ECHO_TIMEOUT = Duration.ofSeconds(1);  // room for a loaded machine
    private final RecordingApp app = new RecordingApp("flooder", 100, in -> {
        in.flood();
        return Verdict.HANDLED;
    });
    private Controller controller;

    @BeforeEach
    void start() {
        controller = Controller.start(ControllerConfig.builder().listen("127.0.0.1", 0)
                .echo(ECHO_INTERVAL, ECHO_TIMEOUT).build(), List.of(app));
    }

    @AfterEach
    void stop() {
        controller.close();
    }

    private SwitchPeer up(long dpid) throws Exception {
        SwitchPeer peer = SwitchPeer.handshake(controller.address(), dpid, 1, 2);
        assertThat(controller.awaitSwitches(List.of(DatapathId.of(dpid)), WAIT)).isTrue();
        return peer;
    }

    /** The other switch still gets answers to its packet-ins. */
    private static void assertStillServed(SwitchPeer peer) {
        int before = peer.received(OFPacketOut.class).size();
        peer.sendPacketIn(1, Frames.ping(0x0a, 0x0b, 0x0a000001, 0x0a000002));
        peer.await(OFPacketOut.class, before + 1, WAIT);
    }

    @Test
    void garbageClosesOnlyThatConnection() throws Exception {
        try (SwitchPeer good = up(1); SwitchPeer bad = up(2)) {
            bad.sendRaw(new byte[] {4, 10, 0, 3, 0, 0, 0, 0});  // length 3: shorter than a header

            bad.awaitClosed(WAIT);
            Poll.until("switch 2 down", WAIT, () -> controller.switchById(DatapathId.of(2)).isEmpty());
            assertThat(controller.switchById(DatapathId.of(1))).isPresent();
            assertStillServed(good);
        }
    }

    @Test
    void unknownMessageTypeClosesOnlyThatConnection() throws Exception {
        try (SwitchPeer good = up(1); SwitchPeer bad = up(2)) {
            bad.sendRaw(new byte[] {4, (byte) 200, 0, 8, 0, 0, 0, 9});

            bad.awaitClosed(WAIT);
            assertStillServed(good);
        }
    }

    @Test
    void truncatedPacketInClosesOnlyThatConnection() throws Exception {
        try (SwitchPeer good = up(1); SwitchPeer bad = up(2)) {
            // A PACKET_IN header claiming 12 bytes: too short for the fixed part of a packet-in.
            bad.sendRaw(new byte[] {4, 10, 0, 12, 0, 0, 0, 9, 0, 0, 0, 0});

            bad.awaitClosed(WAIT);
            assertStillServed(good);
        }
    }

    @Test
    void silentSwitchIsAskedForAnEchoThenDeclaredDown() throws Exception {
        try (SwitchPeer hung = up(1)) {
            hung.stopAnsweringEchoes();

            hung.await(OFEchoRequest.class, 1, WAIT);
            // Down within echo interval + echo timeout, with generous slack for a busy machine.
            Poll.until("apps see switch 1 down", ECHO_INTERVAL.plus(ECHO_TIMEOUT).plusSeconds(2),
                    () -> app.events().contains("down 1"));
            assertThat(app.events()).containsExactly("up 1", "down 1");
            assertThat(controller.switchById(DatapathId.of(1))).isEmpty();
            hung.awaitClosed(WAIT);
        }
    }

    @Test
    void switchThatAnswersEchoesStaysUpThroughManyIntervals() throws Exception {
        try (SwitchPeer alive = up(1)) {
            alive.await(OFEchoRequest.class, 3, WAIT);
            assertThat(controller.switchById(DatapathId.of(1))).isPresent();
            assertThat(app.events()).containsExactly("up 1");
        }
    }

    @Test
    void controllerAnswersTheSwitchsEchoRequests() throws Exception {
        try (SwitchPeer peer = up(1)) {
            OFEchoRequest request = SwitchPeer.OF13.buildEchoRequest().setData(new byte[] {1, 2, 3}).build();
            peer.send(request);

            OFEchoReply reply = peer.await(OFEchoReply.class, 1, WAIT).get(0);
            assertThat(reply.getXid()).isEqualTo(request.getXid());
            assertThat(reply.getData()).containsExactly(1, 2, 3);
        }
    }

    @Test
    void secondConnectionWithALiveDpidIsRefusedAndTheLiveOneStays() throws Exception {
        try (LogCapture log = LogCapture.of(dev.flowlab.controller.core.SwitchRegistry.class);
             SwitchPeer first = up(5); SwitchPeer impostor = SwitchPeer.handshake(controller.address(), 5, 1, 2, 3)) {
            impostor.awaitClosed(WAIT);

            assertThat(first.isClosed()).isFalse();
            assertThat(app.events()).containsExactly("up 5");
            assertThat(controller.switches()).singleElement().satisfies(sw -> assertThat(sw.ports()).hasSize(2));
            assertThat(log.warnings()).anySatisfy(line -> assertThat(line)
                    .contains("dpid=00:00:00:00:00:00:00:05 refused a second connection"));
            assertStillServed(first);
        }
    }

    @Test
    void switchReconnectingAfterItsConnectionClosedComesUpAgain() throws Exception {
        SwitchPeer first = up(5);
        first.close();
        Poll.until("apps see switch 5 down", WAIT, () -> app.events().contains("down 5"));
        try (SwitchPeer second = SwitchPeer.handshake(controller.address(), 5, 1, 2, 3)) {
            Poll.until("apps see the new connection up", WAIT, () -> app.events().size() == 3);

            assertThat(app.events()).containsExactly("up 5", "down 5", "up 5");
            assertStillServed(second);
        }
    }

    @Test
    void switchThatDisconnectsIsDown() throws Exception {
        SwitchPeer peer = up(9);
        peer.close();

        Poll.until("apps see switch 9 down", WAIT, () -> app.events().contains("down 9"));
        assertThat(app.events()).containsExactly("up 9", "down 9");
        assertThat(controller.switchById(DatapathId.of(9))).isEmpty();
    }
}
