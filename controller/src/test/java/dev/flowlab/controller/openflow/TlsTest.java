package dev.flowlab.controller.openflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.controller.Controller;
import dev.flowlab.controller.ControllerConfig;
import dev.flowlab.controller.Poll;
import dev.flowlab.controller.testing.RawPeer;
import dev.flowlab.controller.testing.SwitchPeer;
import dev.flowlab.controller.testing.TlsSockets;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.projectfloodlight.openflow.types.DatapathId;

/**
 * OpenFlow over mutual TLS, with certificates from a throwaway CA: a switch with a certificate
 * from that CA connects; one whose certificate another CA signed, or one speaking plain TCP, is
 * refused before any OpenFlow.
 */
class TlsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    @TempDir
    static Path dir;
    private static ThrowawayPki pki;
    private static ThrowawayPki stranger;
    private static Controller controller;

    @BeforeAll
    static void start() {
        pki = ThrowawayPki.create(dir.resolve("run"));
        stranger = ThrowawayPki.create(dir.resolve("stranger"));
        controller = Controller.start(ControllerConfig.builder().listen("127.0.0.1", 0).tls(pki.controllerFiles()).build());
    }

    @AfterAll
    static void stop() {
        controller.close();
    }

    @Test
    void aSwitchWithACertificateFromTheCaConnects() throws Exception {
        try (SwitchPeer peer = SwitchPeer.handshake(TlsSockets.connect(controller.address(), pki.switchKey(),
                pki.switchCertificate(), pki.caCertificate()), 1, 1, 2)) {
            assertThat(controller.awaitSwitches(List.of(DatapathId.of(1)), WAIT)).isTrue();
            assertThat(controller.switchById(DatapathId.of(1)).orElseThrow().ports()).hasSize(2);
        }
    }

    @Test
    void aSwitchWhoseCertificateAnotherCaSignedIsRefused() throws Exception {
        // It trusts our controller's CA, but its own certificate comes from elsewhere.
        try (SwitchPeer peer = SwitchPeer.handshake(TlsSockets.connect(controller.address(), stranger.switchKey(),
                stranger.switchCertificate(), pki.caCertificate()), 2, 1)) {
            peer.awaitClosed(WAIT);
        } catch (IOException refusedDuringHandshake) {
            // TLS 1.2 fails the handshake itself; TLS 1.3 lets the client finish first, then closes
        } catch (IllegalStateException resetWhileSending) {
            // ... and the close can also meet the peer's own HELLO or FEATURES_REPLY on its way out
            if (!(resetWhileSending.getCause() instanceof IOException)) {
                throw resetWhileSending;
            }
        }
        assertThat(controller.switchById(DatapathId.of(2))).isEmpty();
    }

    @Test
    void plainTcpToATlsListenerIsRefused() throws Exception {
        try (RawPeer peer = RawPeer.connect(controller.address())) {
            peer.sendRaw(RawPeer.bytes(RawPeer.hello()));
            Poll.until("closed", WAIT, () -> {
                try {
                    return peer.closedWithin(Duration.ofMillis(100));
                } catch (IOException e) {
                    return true;
                }
            });
        }
    }
}
