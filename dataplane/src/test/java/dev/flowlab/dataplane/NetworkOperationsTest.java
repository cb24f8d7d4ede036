package dev.flowlab.dataplane;

import dev.flowlab.testkit.SystemTest;
import dev.flowlab.topologies.Topologies;
import dev.flowlab.topologies.TopologyFiles;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What is done to a running network: pings with reasons, iperf, host commands, switch and controller control. */
@SystemTest(NetworkOperationsTest.PREFIX)
class NetworkOperationsTest {
    static final String PREFIX = "dpo";

    final SystemTestNetwork sys = new SystemTestNetwork(PREFIX);

    @Test
    void pingAllGivesTheMatrixAndEachFailureItsReason() {
        try (Network net = sys.start(Topologies.single(3))) {
            PingResult ok = net.pingAll(Duration.ofSeconds(3));
            assertThat(ok.allReached()).as(ok.failures().toString()).isTrue();
            assertThat(ok.hosts()).containsExactly(PREFIX + "h1", PREFIX + "h2", PREFIX + "h3");
            assertThat(ok.replyWait()).isEqualTo(Duration.ofSeconds(3));
            assertThat(ok.outcome(PREFIX + "h1", PREFIX + "h3").orElseThrow().rttMillis()).isPositive();

            net.link("h1", "s1").down();
            PingResult cut = net.pingAll(Duration.ofMillis(500));

            assertThat(cut.received()).isEqualTo(2);   // h2 <-> h3
            assertThat(cut.lossPercent()).isCloseTo(100.0 * 4 / 6, org.assertj.core.data.Offset.offset(0.01));
            assertThat(cut.outcome(PREFIX + "h1", PREFIX + "h2").orElseThrow().failure())
                    .as("h1's only interface is down: no route at all").isEqualTo("network unreachable");
            assertThat(cut.outcome(PREFIX + "h2", PREFIX + "h1").orElseThrow().failure()).isEqualTo("no reply within 0.5 s");
            assertThat(cut.failureReasons()).containsEntry("network unreachable", 2L).containsEntry("no reply within 0.5 s", 2L);
            assertThat(net.link("s1", "h1").isUp()).isFalse();

            net.link("h1", "s1").up();
            assertThat(net.pingPair("h1", "h3", Duration.ofSeconds(3)).allReached()).isTrue();
        }
        sys.assertNothingLeft();
    }

    @Test
    void iperfMeasuresTcpAndUdpOnAPortOfItsOwn() {
        try (Network net = sys.start(Topologies.single(2))) {
            // Someone's server on iperf3's default port in the server host: a fixed 5201 would meet it.
            HostProcess squatter = net.host("h2").popen("iperf3", "-s", "-p", "5201");
            IperfResult tcp = net.iperfTcp("h1", "h2", Duration.ofSeconds(1));
            assertThat(tcp.protocol()).isEqualTo(Iperf.Protocol.TCP);
            assertThat(tcp.receivedMbits()).isPositive();
            assertThat(tcp.seconds()).isPositive();

            IperfResult udp = net.iperfUdp("h2", "h1", Duration.ofSeconds(1), 5_000_000);
            assertThat(udp.protocol()).isEqualTo(Iperf.Protocol.UDP);
            assertThat(udp.sentMbits()).isPositive();
            assertThat(udp.lostPercent()).isBetween(0.0, 100.0);
            assertThat(squatter.isAlive()).as("the other server was left alone").isTrue();
            assertThatThrownBy(() -> net.iperfTcp("h1", "h1", Duration.ofSeconds(1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two different hosts");
        }
        sys.assertNothingLeft();
    }

    @Test
    void hostCommandsStreamLinesEnterTheHostsUtsNamespaceAndStopOnInterrupt() throws Exception {
        try (Network net = sys.start(TopologyFiles.read(Path.of("../topologies/examples/identity.yaml")))) {
            List<String> lines = Collections.synchronizedList(new ArrayList<>());
            int exit = net.host("h1").stream(lines::add, "sh", "-c", "hostname; echo second; echo to-stderr >&2; exit 3");
            assertThat(exit).isEqualTo(3);
            assertThat(lines).containsExactly(PREFIX + "h1", "second", "to-stderr");

            List<String> sleeper = Collections.synchronizedList(new ArrayList<>());
            Thread caller = new Thread(() -> {
                try {
                    net.host("h2").stream(sleeper::add, "sh", "-c", "echo started; exec sleep 300");
                } catch (InterruptedException expected) {
                    sleeper.add("interrupted");
                }
            });
            caller.start();
            awaitLine(sleeper, "started");
            caller.interrupt();
            caller.join(TimeUnit.SECONDS.toMillis(10));
            assertThat(caller.isAlive()).isFalse();
            assertThat(sleeper).endsWith("interrupted");
            assertThat(NamespaceProcesses.pidsIn(List.of(NamespaceProcesses.inode(PREFIX + "h2"))))
                    .as("the sleep in h2 was killed").isEmpty();
        }
        sys.assertNothingLeft();
    }

    @Test
    void aStoppedSwitchForwardsNothingAndComesBackWithItsController() {
        try (Network net = sys.start(Topologies.linear(2))) {
            OvsBridge s1 = net.bridge("s1");
            assertThat(s1.flows()).as("standalone, no controller: OVS's own NORMAL entry")
                    .anyMatch(f -> f.contains("actions=NORMAL"));
            assertThat(net.pingPair("h1", "h2", Duration.ofSeconds(3)).allReached()).isTrue();
            s1.setControllerTargets(List.of("tcp:127.0.0.1:9"));

            s1.stop();
            assertThat(s1.isStopped()).isTrue();
            assertThat(s1.controllerTargets()).isEmpty();
            assertThat(net.pingPair("h1", "h2", Duration.ofMillis(500)).received()).isZero();
            assertThatThrownBy(s1::stop).isInstanceOf(IllegalStateException.class).hasMessageContaining("already stopped");

            s1.start();
            assertThat(s1.isStopped()).isFalse();
            assertThat(s1.controllerTargets()).containsExactly("tcp:127.0.0.1:9");
            assertThatThrownBy(s1::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("not stopped");

            net.link("s1", "s2").down();
            s1.stop();
            s1.start();
            assertThat(adminUp(PREFIX + "s1-eth1")).as("host port back up").isTrue();
            assertThat(adminUp(PREFIX + "s1-eth2")).as("the port of the link taken down stays down").isFalse();
        }
        sys.assertNothingLeft();
    }

    @Test
    void controllerTuningAndWaitingForAnExternalControllerThatIsNotThere() {
        try (Network net = Network.start(Topologies.linear(2),
                sys.options().controllers(List.of("tcp:127.0.0.1:9")).build())) {
            ControllerTuning tuning = new ControllerTuning(Duration.ofSeconds(7), Duration.ofMillis(2500));
            net.tuneControllers(tuning);
            assertThat(net.bridge("s1").controllerTuning()).isEqualTo(tuning);
            assertThat(net.bridge("s2").controllerTuning()).isEqualTo(tuning);
            assertThat(net.controllerConnections()).containsOnlyKeys(PREFIX + "s1", PREFIX + "s2").doesNotContainValue(true);

            List<List<String>> polls = new ArrayList<>();
            assertThatThrownBy(() -> net.awaitControllerConnections(Duration.ofMillis(300), polls::add))
                    .isInstanceOf(DataplaneException.class)
                    .hasMessageContaining("2 of 2 switches not connected to tcp:127.0.0.1:9");
            assertThat(polls).isNotEmpty().allSatisfy(p -> assertThat(p).containsExactly(PREFIX + "s1", PREFIX + "s2"));
        }
        sys.assertNothingLeft();
    }

    /** IFF_UP of an interface of the default namespace. */
    private static boolean adminUp(String iface) {
        try {
            return (Integer.decode(Files.readString(Path.of("/sys/class/net", iface, "flags")).strip()) & 1) != 0;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void awaitLine(List<String> lines, String line) {
        CompletableFuture.runAsync(() -> {
            while (!lines.contains(line)) {
                Thread.onSpinWait();
            }
        }).orTimeout(10, TimeUnit.SECONDS).join();
    }
}
