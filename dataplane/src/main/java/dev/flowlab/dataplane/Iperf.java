package dev.flowlab.dataplane;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Throughput between two hosts with iperf3, as Mininet's {@code iperf}: a one-shot server
 * ({@code iperf3 -s -1}) in one host on a port free there, the client in the other, iperf3's JSON
 * report parsed. The server is stopped however the measurement ends.
 */
public final class Iperf {
    /** What iperf3 measures with. */
    public enum Protocol { TCP, UDP }

    private static final Duration LISTEN_WAIT = Duration.ofSeconds(5);
    /** Beyond the measurement itself: connection set-up, the report, a loaded machine. */
    private static final Duration SLACK = Duration.ofSeconds(15);
    private static final String LISTEN = "0A";
    private static final Duration POLL = Duration.ofMillis(10);

    private Iperf() {
    }

    /**
     * @param bitsPerSecond UDP only: the rate to send at (iperf3 {@code -b})
     */
    static IperfResult measure(NamespaceHost client, NamespaceHost server, Protocol protocol, Duration time,
                               long bitsPerSecond) {
        if (client == server) {
            throw new IllegalArgumentException("iperf needs two different hosts, not " + client.name() + " twice");
        }
        if (protocol == Protocol.UDP && bitsPerSecond <= 0) {
            throw new IllegalArgumentException("a UDP measurement needs a rate in bit/s, not " + bitsPerSecond);
        }
        Tools.require("iperf3");
        long seconds = Math.max(1, time.toSeconds());
        int port = freePort(server.name());
        try (HostProcess serverProcess = server.popen("iperf3", "-s", "-1", "-p", Integer.toString(port))) {
            awaitListening(server.name(), port, serverProcess);
            List<String> argv = new ArrayList<>(List.of("iperf3", "-c", server.ip(), "-p", Integer.toString(port),
                    "-t", Long.toString(seconds), "-J"));
            if (protocol == Protocol.UDP) {
                argv.addAll(List.of("-u", "-b", Long.toString(bitsPerSecond)));
            }
            ExecResult r = client.exec(Duration.ofSeconds(seconds).plus(SLACK), argv.toArray(String[]::new));
            return IperfResult.parse(protocol, r.stdout());
        }
    }

    /**
     * A TCP port nobody listens on in the host: the kernel picks it for a socket this thread binds there,
     * then it is released for iperf3 (each run its own port, so runs never meet an old server).
     */
    static int freePort(String namespace) {
        return InNamespace.call(namespace, () -> {
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                return s.getLocalPort();
            }
        });
    }

    /**
     * Reads the host's TCP socket table ({@code /proc/thread-self/net/tcp*} shows the reading thread's
     * namespace) until the server listens: no process per poll, and no test connection, which a
     * one-shot server would take for its one client.
     */
    private static void awaitListening(String namespace, int port, HostProcess server) {
        String portHex = String.format(Locale.ROOT, ":%04X", port);
        long deadline = System.nanoTime() + LISTEN_WAIT.toNanos();
        while (!InNamespace.call(namespace, () -> listening(portHex))) {
            if (!server.isAlive()) {
                throw new DataplaneException("iperf3 server in " + namespace + " exited: " + server.output().strip());
            }
            if (System.nanoTime() > deadline) {
                throw new DataplaneException("iperf3 server in " + namespace + " did not listen on port " + port
                        + " within " + LISTEN_WAIT.toSeconds() + " s");
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DataplaneException("interrupted while waiting for the iperf3 server in " + namespace);
            }
        }
    }

    private static boolean listening(String portHex) throws IOException {
        for (String table : List.of("tcp", "tcp6")) {
            Path p = Path.of("/proc/thread-self/net", table);
            if (Files.exists(p)) {
                for (String line : Files.readAllLines(p)) {
                    String[] f = line.strip().split("\\s+");
                    if (f.length > 3 && f[1].endsWith(portHex) && f[3].equals(LISTEN)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
