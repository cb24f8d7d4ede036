package dev.flowlab.dataplane;

import dev.flowlab.testkit.Leftovers;
import dev.flowlab.testkit.SystemTest;
import dev.flowlab.topologies.TopologyFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A switch port backed by a TAP device: a user-space program on it answers a host's ARP and ping. */
@SystemTest(TapPortTest.PREFIX)
class TapPortTest {
    static final String PREFIX = "lnt";
    private static final String PROGRAM_IP = "10.0.0.99";
    private static final String PROGRAM_MAC = "02:00:00:00:00:99";

    final SystemTestNetwork sys = new SystemTestNetwork(PREFIX);

    @AfterEach
    void removeTapDevices() {
        Leftovers.interfaces(PREFIX).forEach(i -> ProcessRunner.run(Tools.path("ip"), "link", "del", i));
    }

    @Test
    void aProgramOnTheTapAnswersArpAndPingFromAHost() throws Exception {
        try (Network net = sys.start(TopologyFiles.read(Path.of("../topologies/examples/tap.yaml")))) {
            assertThat(net.bridge("s1").ports()).contains("lnts1-tap3");
            assertThat(VlanTest.ovsPort("lnts1-tap3", "_uuid")).isNotEmpty();
            NamespaceHost h1 = net.host("h1");
            Reach.assertReaches(h1, net.host("h2").ip());
            Reach.assertDoesNotReach(h1, PROGRAM_IP);   // nothing has opened the TAP yet

            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process program = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    TapResponder.class.getName(), "lnts1-tap3", PROGRAM_IP, PROGRAM_MAC).redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(program.getInputStream(), StandardCharsets.UTF_8))) {
                assertThat(out.readLine()).isEqualTo("READY");
                Reach.assertReaches(h1, PROGRAM_IP);
                assertThat(h1.exec("ip", "neigh", "show", PROGRAM_IP).stdout()).as("ARP answered by the program")
                        .contains(PROGRAM_MAC);
                ExecResult three = h1.exec("ping", "-c3", "-i0.2", "-W2", PROGRAM_IP);
                assertThat(three.stdout()).contains("3 received");
            } finally {
                program.destroyForcibly();
                program.waitFor(10, TimeUnit.SECONDS);
            }
        }
        sys.assertNothingLeft();
    }
}
