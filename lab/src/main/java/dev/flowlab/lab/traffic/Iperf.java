package dev.flowlab.lab.traffic;

import java.time.Duration;
import java.util.List;

/**
 * TCP throughput between two hosts with iperf3: a one-shot server in one host, the client in the
 * other, the JSON report parsed. The server is stopped however the measurement ends.
 */
public final class Iperf {
    private static final String PORT = "5201";

    private Iperf() {
    }

    public static IperfResult measure(LabHost client, LabHost server, int seconds) throws Exception {
        Process serverProcess = Netns.start(server.namespace(), List.of("iperf3", "-s", "-1", "-p", PORT));
        try {
            awaitListening(server, serverProcess);
            Netns.Result r = Netns.run(client.namespace(), Duration.ofSeconds(seconds + 15L),
                    List.of("iperf3", "-c", server.ip(), "-p", PORT, "-t", String.valueOf(seconds), "-J"));
            return IperfResult.parse(r.output());
        } finally {
            Netns.stop(serverProcess);
        }
    }

    /** Polls the server's namespace until something listens on the port, instead of sleeping. */
    private static void awaitListening(LabHost server, Process serverProcess) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (!serverProcess.isAlive()) {
                throw new IllegalStateException("iperf3 server in " + server.name() + " exited: "
                        + new String(serverProcess.getInputStream().readAllBytes()).strip());
            }
            Netns.Result ss = Netns.run(server.namespace(), Duration.ofSeconds(5),
                    List.of("ss", "-Hltn", "sport = :" + PORT));
            if (!ss.output().isBlank()) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("iperf3 server in " + server.name() + " did not listen within 5 s");
    }
}
