package dev.flowlab.cli.system;

import static dev.flowlab.lab.system.SystemTests.must;
import static dev.flowlab.lab.system.SystemTests.ovsSsl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.lab.OvsTlsSession;
import dev.flowlab.lab.system.SystemTests;
import dev.flowlab.testkit.Leftovers;
import dev.flowlab.testkit.SystemTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flowlab run --tls} end to end: the bridges reach the controller over {@code ssl:} and ping;
 * Open vSwitch's machine-wide SSL settings come back as they were; a second TLS run is refused
 * while one holds them. With {@code --controllers N} every member listens {@code ssl:} and every
 * bridge is connected to each over TLS.
 */
@SystemTest({"ctls", "ctl2", "ctlc"})
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
    void controllerProcessesOverTlsHaveEveryBridgeConnectedOverSslAndPing() throws Exception {
        try (FlowlabProcess flowlab = new FlowlabProcess("run", "--topo", "linear,2", "--controllers", "2", "--tls",
                "--prefix", "ctlc")) {
            flowlab.awaitLine(l -> l.contains("switches") && l.contains("2/2 connected"), 180);
            assertThat(flowlab.output()).containsPattern("2 processes on ssl:127\\.0\\.0\\.1:\\d+,ssl:127\\.0\\.0\\.1:\\d+");
            for (int member = 1; member <= 2; member++) {   // each member's own token and file
                String prefix = "REST of controller " + member + ": ";
                assertThat(flowlab.awaitLine(l -> l.startsWith(prefix), 30))
                        .containsPattern("token \\S+ \\(also in \\S+/rest-\\d+\\.token, readable by root only");
            }
            for (String bridge : List.of("ctlcs1", "ctlcs2")) {
                List<String> targets = awaitConnected(bridge, Duration.ofSeconds(60));
                assertThat(targets).hasSize(2).allSatisfy(t -> assertThat(t).startsWith("ssl:127.0.0.1:"));
            }
            flowlab.type("pingall\ncontrollers\nexit\n");
            flowlab.awaitLine(l -> l.contains("0% loss (2/2 received)"), 60);
            assertThat(flowlab.awaitExit(120)).as(flowlab.output()).isZero();
            assertThat(flowlab.output()).containsPattern("controller 1\\s+ssl:127\\.0\\.0\\.1:\\d+\\s+http://127\\.0\\.0\\.1:\\d+\\s+pid")
                    .containsPattern("MASTER of 2");
        }
        assertThat(Leftovers.named("ctlc")).isEmpty();   // and @AfterEach: the SSL settings as before
    }

    /**
     * Waits until Open vSwitch reports every controller of {@code bridge} connected (it marks them seconds
     * after the connection is up); returns their targets.
     */
    private static List<String> awaitConnected(String bridge, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String uuids = must("ovs-vsctl", "get", "bridge", bridge, "controller").replaceAll("[\\[\\],]", " ").trim();
            List<String> argv = new ArrayList<>(List.of("ovs-vsctl", "--bare", "--columns=target,is_connected", "list",
                    "controller"));
            argv.addAll(List.of(uuids.split("\\s+")));
            List<String> fields = must(argv.toArray(String[]::new)).lines().filter(l -> !l.isBlank()).toList();
            List<String> targets = new ArrayList<>();
            boolean all = true;
            for (int i = 0; i + 1 < fields.size(); i += 2) {
                targets.add(fields.get(i));
                all &= fields.get(i + 1).equals("true");
            }
            if (all && !targets.isEmpty()) {
                return targets;
            }
            assertThat(System.nanoTime()).as("%s's controllers connected within %s: %s", bridge, timeout, fields)
                    .isLessThan(deadline);
            Thread.sleep(200);   // polling OVS: it offers no wait for is_connected
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
