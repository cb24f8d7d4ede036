package dev.flowlab.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.flowlab.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code flowlab bench controller} on the command line: its one-line errors. Ports 16851-16859 on 127.0.0.1. */
class ControllerBenchTest {
    private static final int NOTHING_PORT = 16851;
    private static final int SILENT_PORT = 16852;

    @Test
    void anUnreachableControllerIsAOneLineError() {
        assumeTrue(!isListening(NOTHING_PORT), "port " + NOTHING_PORT + " is busy");
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

    private static boolean isListening(int port) {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
