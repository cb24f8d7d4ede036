package dev.flowlab.dataplane;

import dev.flowlab.testkit.SystemTest;
import dev.flowlab.topologies.TopologyFiles;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** IP aliases answer on every address; a NAT gateway takes a private host to an outside server under its own address. */
@SystemTest(AliasAndNatTest.PREFIX)
class AliasAndNatTest {
    static final String PREFIX = "lna";
    private static final Path EXAMPLES = Path.of("../topologies/examples");
    private static final int IPERF_PORT = 17210;

    final SystemTestNetwork sys = new SystemTestNetwork(PREFIX);

    @Test
    void aHostAnswersPingOnEachOfItsAddresses() {
        try (Network net = sys.start(TopologyFiles.read(EXAMPLES.resolve("aliases.yaml")))) {
            NamespaceHost h2 = net.host("h2");
            assertThat(net.host("h1").exec("ip", "-br", "-4", "address", "show", "lnah1-eth0").stdout())
                    .contains("10.0.0.1/24", "10.0.0.101/24", "192.168.5.1/24");
            for (String address : List.of("10.0.0.1", "10.0.0.101", "192.168.5.1")) {
                Reach.assertReaches(h2, address);
            }
            Reach.assertDoesNotReach(h2, "10.0.0.102");   // no one has it: the replies above were real
        }
        sys.assertNothingLeft();
    }

    @Test
    void aPrivateHostReachesTheOutsideServerUnderTheNatAddress() throws Exception {
        String rootNat = ProcessRunner.check(Tools.path("iptables"), "-t", "nat", "-S").stdout();
        String rootForwarding = Files.readString(Path.of("/proc/sys/net/ipv4/ip_forward"));
        try (Network net = sys.start(TopologyFiles.read(EXAMPLES.resolve("nat.yaml")))) {
            NamespaceHost h1 = net.host("h1");
            NamespaceHost server = net.host("server");
            Reach.assertReaches(h1, server.ip());
            Reach.assertDoesNotReach(server, h1.ip());   // no route back: only NAT makes the replies arrive

            HostProcess iperf = server.popen("iperf3", "-s", "-1", "-p", String.valueOf(IPERF_PORT));
            BuildAndTeardownTest.awaitListening(server, IPERF_PORT);
            ExecResult client = h1.exec(Duration.ofSeconds(20), "iperf3", "-c", server.ip(), "-p",
                    String.valueOf(IPERF_PORT), "-t", "1");
            assertThat(client.exitCode()).as(client.stdout() + client.stderr()).isZero();
            iperf.waitFor(Duration.ofSeconds(10));
            assertThat(iperf.output()).as("the server sees the NAT gateway's outside address")
                    .contains("Accepted connection from 192.168.7.1,").doesNotContain("10.1.0.1");

            assertThat(net.host("gw").exec("iptables", "-t", "nat", "-S", "POSTROUTING").stdout())
                    .contains("-A POSTROUTING -o lnagw-eth1 -j MASQUERADE");
        }
        assertThat(ProcessRunner.check(Tools.path("iptables"), "-t", "nat", "-S").stdout())
                .as("the machine's own NAT table").isEqualTo(rootNat);
        assertThat(Files.readString(Path.of("/proc/sys/net/ipv4/ip_forward"))).isEqualTo(rootForwarding);
        sys.assertNothingLeft();
    }
}
