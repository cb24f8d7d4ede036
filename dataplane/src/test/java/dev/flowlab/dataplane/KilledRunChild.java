package dev.flowlab.dataplane;

import dev.flowlab.topologies.Topologies;

/**
 * Child process for {@link CleanupTest}: builds a network with the given prefix, starts a background
 * process in a host, prints READY and waits to be killed with SIGKILL (so no shutdown hook runs).
 */
public final class KilledRunChild {
    private KilledRunChild() {
    }

    public static void main(String[] args) throws Exception {
        Network net = Network.start(Topologies.linear(3), NetworkOptions.builder().namePrefix(args[0]).build());
        net.host("h1").popen("sleep", "600");
        System.out.println("READY " + net.runId());
        System.out.flush();
        Thread.sleep(600_000);
    }
}
