package dev.flowlab.cli.system;

import static dev.flowlab.cli.system.SystemTests.must;
import static dev.flowlab.cli.system.SystemTests.sh;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.controller.Controller;
import dev.flowlab.controller.ControllerConfig;
import dev.flowlab.controller.openflow.ThrowawayPki;
import dev.flowlab.lab.OvsTlsSession;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.projectfloodlight.openflow.types.DatapathId;

/**
 * OpenFlow over mutual TLS with real Open vSwitch: a bridge with a certificate from the run's CA
 * connects over {@code ssl:} and its hosts ping; a client whose certificate that CA did not sign
 * is refused; Open vSwitch's machine-wide SSL settings come back as they were; and a second TLS
 * run is refused while one holds them.
 */
class TlsSystemTest {
    private static final String SSL_COLUMNS = "--columns=private_key,certificate,ca_cert,bootstrap_ca_cert";
    private String sslBefore;

    @BeforeAll
    static void rootAndOvs() {
        SystemTests.assumeRootWithOvs();
    }

    @BeforeEach
    void recordSsl() {
        sslBefore = ssl();
    }

    @AfterEach
    void sslAsBefore() {
        assertThat(ssl()).as("Open vSwitch's SSL settings after the test").isEqualTo(sslBefore);
    }

    private static String ssl() {
        return must("ovs-vsctl", "--bare", SSL_COLUMNS, "list", "SSL");
    }

    @Test
    void tlsRunPingsOverSslAndPutsTheSslSettingsBack(@TempDir Path dir) throws Exception {
        // Settings someone else made before the run (kept as they are after it), unless the machine has some already.
        boolean made = sslBefore.isBlank();
        if (made) {
            must("ovs-vsctl", "set-ssl", dir.resolve("theirs.key").toString(), dir.resolve("theirs.pem").toString(),
                    dir.resolve("their-ca.pem").toString());
        }
        try {
            String theirs = ssl();
            try (FlowlabProcess flowlab = new FlowlabProcess("run", "--topo", "linear,2", "--tls", "--test", "pingall",
                    "--prefix", "ctls")) {
                assertThat(flowlab.awaitExit(180)).as(flowlab.output()).isZero();
                assertThat(flowlab.output()).contains("embedded on ssl:127.0.0.1:", "0% loss (2/2 received)", "teardown");
            }
            assertThat(ssl()).isEqualTo(theirs);
            assertThat(SystemTests.leftovers("ctls")).isEmpty();
        } finally {
            if (made) {
                must("ovs-vsctl", "del-ssl");
            }
        }
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
            SystemTests.Run rogue = sh("sh", "-c", "printf '' | openssl s_client -connect 127.0.0.1:"
                    + controller.address().getPort() + " -cert " + stranger.switchCertificate() + " -key "
                    + stranger.switchKey() + " -ign_eof 2>&1");
            assertThat(rogue.output()).containsIgnoringCase("alert");
            assertThat(controller.switches()).hasSize(1);
        }
    }

    @Test
    void aSecondTlsRunIsRefusedWhileOneHoldsTheSslSettings() throws Exception {
        try (OvsTlsSession first = OvsTlsSession.start();
             FlowlabProcess second = new FlowlabProcess("run", "--topo", "single,1", "--tls", "--test", "pingall",
                     "--prefix", "ctl2")) {
            assertThat(second.awaitExit(120)).as(second.output()).isNotZero();
            assertThat(second.output()).contains("another flowlab run with --tls is using Open vSwitch's SSL settings");
        }
        assertThat(SystemTests.leftovers("ctl2")).isEmpty();
    }
}
