package dev.flowlab.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.flowlab.cli.Main;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;

/**
 * The generator against a real controller (Open vSwitch's ovs-testcontroller, a learning switch in C),
 * and its one-line errors. Ports 16850-16859 on 127.0.0.1.
 */
class ControllerBenchTest {
    private static final int OVS_PORT = 16850;
    private static final int NOTHING_PORT = 16851;
    private static final int SILENT_PORT = 16852;

    @ParameterizedTest
    @EnumSource(Mode.class)
    void ovsTestcontrollerCompletesTheHandshakeAndInstallsFlowsForTheCycledMacs(Mode mode) {
        assumeTrue(onPath("ovs-testcontroller"), "ovs-testcontroller is not installed (apt-get install openvswitch-testcontroller)");
        LoadSettings settings = new LoadSettings(4, 100, 4, mode, 2, 1, Duration.ofMillis(300),
                Duration.ofSeconds(5), 1, 64, Duration.ofNanos(100_000));
        List<LoopSample> seen = new ArrayList<>();
        LoadResult result;
        try (ControllerProcess controller = ControllerProcess.start(SpawnSpec.parse("ovs-testcontroller"), OVS_PORT,
                List.of(), Duration.ofSeconds(10))) {
            result = new LoadGenerator(settings).run(controller.address(), new LoadListener() {
                @Override
                public void learned(double seconds, boolean complete) {
                    assertThat(complete).as("every host's first packet-in answered").isTrue();
                }

                @Override
                public void loop(LoopSample loop) {
                    seen.add(loop);
                }
            }, controller::cpuNanos);
        }
        assertThat(result.handshakes()).isEqualTo(4);
        assertThat(seen).hasSize(2);
        LoopSample measured = seen.get(1);
        // After learning, a learning switch knows every destination: each packet-in earns a flow-mod.
        assertThat(measured.flowMods()).isPositive();
        assertThat(measured.packetOuts()).isPositive();
        assertThat(measured.switchesAnswering()).isEqualTo(4);
        assertThat(result.median()).isPositive();
        assertThat(ListeningPorts.isListening(OVS_PORT)).as("ovs-testcontroller stopped").isFalse();
    }

    @Test
    void anUnreachableControllerIsAOneLineError() {
        assumeTrue(!ListeningPorts.isListening(NOTHING_PORT), "port " + NOTHING_PORT + " is busy");
        Run run = flowlab("bench", "controller", "--controller", "127.0.0.1:" + NOTHING_PORT, "-s", "1", "-M", "10");
        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err.strip()).doesNotContain("\n")
                .contains("cannot connect to the controller at 127.0.0.1:" + NOTHING_PORT + " (connection refused)");
    }

    @Test
    void aControllerThatNeverSpeaksFailsTheHandshakeInTime() throws IOException {
        try (ServerSocket silent = new ServerSocket(SILENT_PORT, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                while (!silent.isClosed()) {
                    try {
                        accepted.add(silent.accept());
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            acceptor.start();
            Run run = flowlab("bench", "controller", "-c", "127.0.0.1:" + SILENT_PORT, "-s", "2", "--handshake-timeout", "1");
            assertThat(run.exitCode).isEqualTo(1);
            assertThat(run.err).contains("2 of 2 switches did not finish the OpenFlow 1.3 handshake within 1 s");
            silent.close();
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    void badOptionsAreNamed() {
        assertThat(flowlab("bench", "controller", "--warmup", "3", "--loops", "3").err)
                .contains("--warmup must be below --loops (3)");
        assertThat(flowlab("bench", "controller", "--spawn", "floodlight").err)
                .contains("unknown controller 'floodlight' for --spawn");
        assertThat(flowlab("bench", "controller", "--mode", "fast").err)
                .contains("'fast' is not a mode: use throughput or latency");
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run flowlab(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
