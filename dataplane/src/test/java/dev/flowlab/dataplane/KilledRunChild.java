package dev.flowlab.dataplane;

import dev.flowlab.topologies.Topologies;
import dev.flowlab.topologies.TopologyFiles;

import java.nio.file.Path;

/**
 * Child process for {@link CleanupTest} and {@link PortQueuesTest}: builds a network with the given prefix
 * ({@code linear,3}, or the topology file given second), starts a background process in a host, prints
 * READY and waits to be killed with SIGKILL (so no shutdown hook runs).
 */
public final class KilledRunChild {
    private KilledRunChild() {
    }

    public static void main(String[] args) throws Exception {
        Network net = Network.start(args.length > 1 ? TopologyFiles.read(Path.of(args[1])) : Topologies.linear(3),
                NetworkOptions.builder().namePrefix(args[0]).build());
        net.host("h1").popen("sleep", "600");
        System.out.println("READY " + net.runId());
        System.out.flush();
        Thread.sleep(600_000);
    }
}
