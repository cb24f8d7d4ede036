package dev.flowlab.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowlab.controller.api.Verdict;
import dev.flowlab.controller.testing.Frames;
import dev.flowlab.controller.testing.RecordingApp;
import dev.flowlab.controller.testing.SwitchPeer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.protocol.OFPacketOut;
import org.projectfloodlight.openflow.protocol.action.OFActionOutput;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.OFPort;

/** The facade the command line uses: start, apps, switches, stop and start listening, close. */
class ControllerTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    private static ControllerConfig anyPort(String... apps) {
        return ControllerConfig.builder().apps(apps).listen("127.0.0.1", 0).build();
    }

    @Test
    void unknownAppFailsStartWithOneLineNamingTheKnownApps() {
        assertThatThrownBy(() -> Controller.start(anyPort("foo")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown app 'foo'; known apps: test-flood, test-not-rehearsable, test-rehearsable");
    }

    @Test
    void appsAreFoundOnTheClassPath() {
        assertThat(Controller.availableApps()).containsExactly("test-flood", "test-not-rehearsable", "test-rehearsable");
    }

    @Test
    void appFoundByIdAnswersPacketInsWithThePacketItself() throws Exception {
        try (Controller controller = Controller.start(anyPort("test-flood"));
             SwitchPeer peer = SwitchPeer.handshake(controller.address(), 1, 1, 2, 3)) {
            assertThat(controller.appIds()).containsExactly("test-flood");
            assertThat(controller.awaitSwitches(List.of(DatapathId.of(1)), WAIT)).isTrue();
            byte[] frame = Frames.arpRequest(0x0a, 0x0a000001, 0x0a000002);

            peer.sendPacketIn(2, frame);

            // Link discovery sends its own LLDP packet-outs (from the controller port): skip those.
            OFPacketOut out = peer.awaitFirst(OFPacketOut.class, o -> o.getInPort().equals(OFPort.of(2)), WAIT);
            assertThat(((OFActionOutput) out.getActions().get(0)).getPort()).isEqualTo(OFPort.FLOOD);
            assertThat(out.getData()).isEqualTo(frame);
        }
    }

    @Test
    void packetInPassesAppsInOrderUntilOneHandlesIt() throws Exception {
        RecordingApp last = new RecordingApp("last", 30, in -> Verdict.CONTINUE);
        RecordingApp handler = new RecordingApp("handler", 20, in -> {
            in.flood();
            return Verdict.HANDLED;
        });
        RecordingApp first = new RecordingApp("first", 10, in -> Verdict.CONTINUE);
        try (Controller controller = Controller.start(anyPort(), List.of(last, handler, first));
             SwitchPeer peer = SwitchPeer.handshake(controller.address(), 1, 1, 2)) {
            assertThat(controller.awaitSwitches(List.of(DatapathId.of(1)), WAIT)).isTrue();

            peer.sendPacketIn(1, Frames.ping(0x0a, 0x0b, 1, 2));

            peer.awaitAnswers(1, WAIT);
            assertThat(first.events()).contains("packet-in 1 port 1");
            assertThat(handler.events()).contains("packet-in 1 port 1");
            assertThat(last.count("packet-in")).isZero();
        }
    }

    @Test
    void appThatThrowsDoesNotStopTheChain() throws Exception {
        RecordingApp broken = new RecordingApp("broken", 10, in -> {
            throw new IllegalStateException("bug in app");
        });
        RecordingApp handler = new RecordingApp("handler", 20, in -> {
            in.flood();
            return Verdict.HANDLED;
        });
        try (Controller controller = Controller.start(anyPort(), List.of(broken, handler));
             SwitchPeer peer = SwitchPeer.handshake(controller.address(), 1, 1, 2)) {
            assertThat(controller.awaitSwitches(List.of(DatapathId.of(1)), WAIT)).isTrue();

            peer.sendPacketIn(1, Frames.ping(0x0a, 0x0b, 1, 2));
            peer.sendPacketIn(1, Frames.ping(0x0a, 0x0b, 1, 2));

            peer.awaitAnswers(2, WAIT);
            assertThat(controller.switchById(DatapathId.of(1))).isPresent();
        }
    }

    @Test
    void stopListeningDropsEverySwitchAndStartListeningTakesThemBack() throws Exception {
        RecordingApp app = new RecordingApp("recorder");
        try (Controller controller = Controller.start(anyPort(), List.of(app))) {
            var address = controller.address();
            SwitchPeer peer = SwitchPeer.handshake(address, 1, 1);
            assertThat(controller.awaitSwitches(List.of(DatapathId.of(1)), WAIT)).isTrue();

            controller.stopListening();

            assertThat(app.events()).containsExactly("up 1", "down 1");  // seen before stopListening returns
            assertThat(controller.switches()).isEmpty();
            peer.awaitClosed(WAIT);
            assertThatThrownBy(() -> new Socket(address.getAddress(), address.getPort()).close())
                    .isInstanceOf(ConnectException.class);

            controller.startListening();

            assertThat(controller.address()).isEqualTo(address);
            try (SwitchPeer again = SwitchPeer.handshake(address, 1, 1)) {
                assertThat(controller.awaitSwitches(List.of(DatapathId.of(1)), WAIT)).isTrue();
            }
        }
    }

    @Test
    void closeTakesSwitchesDownThenStopsApps() throws Exception {
        RecordingApp app = new RecordingApp("recorder");
        Controller controller = Controller.start(anyPort(), List.of(app));
        assertThat(app.context().appId()).isEqualTo(RecordingApp.class.getName());
        try (SwitchPeer peer = SwitchPeer.handshake(controller.address(), 1, 1)) {
            assertThat(controller.awaitSwitches(List.of(DatapathId.of(1)), WAIT)).isTrue();
            assertThat(app.context().switches()).hasSize(1);

            controller.close();

            assertThat(app.events()).containsExactly("up 1", "down 1");
            assertThat(app.stopped()).isTrue();
            peer.awaitClosed(WAIT);
        }
    }

    @Test
    void awaitSwitchesGivesUpAtTheTimeout() {
        try (Controller controller = Controller.start(anyPort())) {
            assertThat(controller.awaitSwitches(List.of(DatapathId.of(42)), Duration.ofMillis(50))).isFalse();
        }
    }

    @Test
    void portInUseFailsWithAClearMessage() throws IOException {
        try (Controller first = Controller.start(anyPort())) {
            int port = first.address().getPort();
            assertThatThrownBy(() -> Controller.start(ControllerConfig.builder().listen("127.0.0.1", port).build()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("cannot listen on 127.0.0.1:" + port + ": ")
                    .hasMessageContaining("Address already in use");
        }
    }
}
