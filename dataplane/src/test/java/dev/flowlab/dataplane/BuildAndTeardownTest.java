package dev.flowlab.dataplane;

import dev.flowlab.testkit.Leftovers;
import dev.flowlab.testkit.SystemTest;
import dev.flowlab.topologies.Topologies;
import dev.flowlab.topologies.Topology;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Mininet's three standard topologies in standalone mode without controller: all hosts reach each other. */
@SystemTest(BuildAndTeardownTest.PREFIX)
class BuildAndTeardownTest {
    static final String PREFIX = "dp1";

    final SystemTestNetwork sys = new SystemTestNetwork(PREFIX);

    static Stream<Arguments> topologies() {
        return Stream.of(
                Arguments.of("single,3", Topologies.single(3)),
                Arguments.of("linear,4", Topologies.linear(4)),
                Arguments.of("tree,2,2", Topologies.tree(2, 2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topologies")
    void everyHostPingsEveryOtherAndTcpWorksThenNothingIsLeft(String spec, Topology topology) {
        try (Network net = sys.start(topology)) {
            assertThat(Leftovers.namespaces(PREFIX)).hasSize(topology.hosts().size());
            assertThat(Leftovers.bridges(PREFIX)).hasSize(topology.switches().size());

            PingResult ping = net.pingAll();
            assertThat(ping.failures()).as(ping.toString()).isEmpty();
            assertThat(ping.sent()).isEqualTo(topology.hosts().size() * (topology.hosts().size() - 1));

            NamespaceHost first = net.hosts().get(0);
            NamespaceHost last = net.hosts().get(net.hosts().size() - 1);
            HostProcess server = last.popen("iperf3", "-s", "-1", "-p", "16701");
            awaitListening(last, 16701);
            ExecResult client = first.exec(Duration.ofSeconds(20), "iperf3", "-c", last.ip(), "-p", "16701", "-t", "1");
            assertThat(client.exitCode()).as(client.stdout() + client.stderr()).isZero();
            assertThat(client.stdout()).contains("receiver");
            server.stop();
        }
        sys.assertNothingLeft();
    }

    /** Polls until something listens on the TCP port inside the host (iperf3 takes a moment to bind). */
    static void awaitListening(NamespaceHost host, int port) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (host.exec("ss", "-Hltn", "sport = :" + port).stdout().contains(":" + port)) {
                return;
            }
        }
        throw new AssertionError("nothing listens on port " + port + " in " + host.name());
    }
}
