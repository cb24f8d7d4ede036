package dev.flowlab.lab.system;

import static dev.flowlab.lab.system.SystemTests.must;
import static dev.flowlab.lab.system.SystemTests.ovsSsl;
import static dev.flowlab.lab.system.SystemTests.sh;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.controller.Controller;
import dev.flowlab.controller.ControllerConfig;
import dev.flowlab.controller.openflow.ThrowawayPki;
import dev.flowlab.dataplane.ExecResult;
import dev.flowlab.lab.OvsTlsSession;
import dev.flowlab.testkit.SystemTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.projectfloodlight.openflow.types.DatapathId;

/**
 * OpenFlow over mutual TLS with real Open vSwitch: a bridge with a certificate from the session's
 * CA connects over {@code ssl:} and its hosts ping; a client whose certificate another CA signed is
 * refused; Open vSwitch's machine-wide SSL settings come back as they were.
 */
@SystemTest("ctlb")
class TlsSystemTest {
    private static final Path NOTE = Path.of("/run/flowlab/ovs-ssl.before");
    private String sslBefore;

    @BeforeEach
    void recordSsl() {
        sslBefore = ovsSsl();
    }

    @AfterEach
    void sslAsBefore() {
        assertThat(ovsSsl()).as("Open vSwitch's SSL settings after the test").isEqualTo(sslBefore);
    }

    @Test
    void aBridgeWithTheCasCertificateConnectsAndAStrangersCertificateIsRefused(@TempDir Path dir) throws Exception {
        ThrowawayPki stranger = ThrowawayPki.create(dir.resolve("stranger"));
        try (OvsTlsSession session = OvsTlsSession.start();
             Controller controller = Controller.start(ControllerConfig.builder().listen("127.0.0.1", 0)
                     .apps("learning-switch").tls(session.controllerFiles()).build());
             HandMadeNetwork net = new HandMadeNetwork("ctlb", 2, 0x7e1, "secure",
                     "ssl:127.0.0.1:" + controller.address().getPort())) {
            assertThat(controller.awaitSwitches(List.of(DatapathId.of(0x7e1)), Duration.ofSeconds(60))).isTrue();
            assertThat(sh("ip", "netns", "exec", "ctlbh1", "ping", "-c", "1", "-W", "5", "10.0.0.2").exitCode())
                    .isZero();

            // A TLS client whose certificate another CA signed: the handshake ends in an alert, no switch appears.
            ExecResult rogue = sh("sh", "-c", "printf '' | openssl s_client -connect 127.0.0.1:"
                    + controller.address().getPort() + " -cert " + stranger.switchCertificate() + " -key "
                    + stranger.switchKey() + " -ign_eof 2>&1");
            assertThat(rogue.stdout()).containsIgnoringCase("alert");
            assertThat(controller.switches()).hasSize(1);
        }
    }

    @Test
    void aNoteLeftByAKilledRunIsWhatTheNextRunPutsBack(@TempDir Path dir) throws Exception {
        // A run killed with SIGKILL: its note holds the settings as they were, the record points at its files.
        Files.createDirectories(NOTE.getParent());
        Files.write(NOTE, sslBefore.isBlank() ? List.of("none") : sslBefore.lines().toList());
        must("ovs-vsctl", "set-ssl", dir.resolve("killed.key").toString(), dir.resolve("killed.pem").toString(),
                dir.resolve("killed-ca.pem").toString());

        OvsTlsSession.start().close();

        assertThat(NOTE).doesNotExist();   // and @AfterEach: the settings are as before the killed run
    }
}
