package dev.flowlab.cli.system;

import static dev.flowlab.lab.system.SystemTests.must;
import static dev.flowlab.lab.system.SystemTests.ovsSsl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.lab.OvsTlsSession;
import dev.flowlab.lab.system.SystemTests;
import dev.flowlab.testkit.Leftovers;
import dev.flowlab.testkit.SystemTest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flowlab run --tls} end to end: the bridges reach the controller over {@code ssl:} and ping;
 * Open vSwitch's machine-wide SSL settings come back as they were; a second TLS run is refused
 * while one holds them.
 */
@SystemTest({"ctls", "ctl2"})
class TlsRunSystemTest {
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
    void tlsRunPingsOverSslAndPutsTheSslSettingsBack(@TempDir Path dir) throws Exception {
        // Settings someone else made before the run (kept as they are after it), unless the machine has some already.
        boolean made = sslBefore.isBlank();
        if (made) {
            must("ovs-vsctl", "set-ssl", dir.resolve("theirs.key").toString(), dir.resolve("theirs.pem").toString(),
                    dir.resolve("their-ca.pem").toString());
        }
        try {
            String theirs = ovsSsl();
            try (FlowlabProcess flowlab = new FlowlabProcess("run", "--topo", "linear,2", "--tls", "--test", "pingall",
                    "--prefix", "ctls")) {
                assertThat(flowlab.awaitExit(180)).as(flowlab.output()).isZero();
                assertThat(flowlab.output()).contains("embedded on ssl:127.0.0.1:", "0% loss (2/2 received)", "teardown");
            }
            assertThat(ovsSsl()).isEqualTo(theirs);
            assertThat(Leftovers.named("ctls")).isEmpty();
        } finally {
            if (made) {
                must("ovs-vsctl", "del-ssl");
            }
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
        assertThat(Leftovers.named("ctl2")).isEmpty();
    }
}
