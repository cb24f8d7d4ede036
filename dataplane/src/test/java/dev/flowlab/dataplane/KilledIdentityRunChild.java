package dev.flowlab.dataplane;

import dev.flowlab.topologies.Identity;
import dev.flowlab.topologies.Topology;

/**
 * Child process for {@link HostIdentityTest}: builds two hosts with identities under the given prefix,
 * prints READY with the run id, and waits to be killed with SIGKILL (so no teardown runs).
 */
public final class KilledIdentityRunChild {
    private KilledIdentityRunChild() {
    }

    public static void main(String[] args) throws Exception {
        Topology t = Topology.builder().identity(Identity.HOSTNAMES).addSwitch("s1").addHost("h1").addHost("h2")
                .addLink("h1", "s1").addLink("h2", "s1").build();
        Network net = Network.start(t, NetworkOptions.builder().namePrefix(args[0]).build());
        System.out.println("READY " + net.runId());
        System.out.flush();
        Thread.sleep(600_000);
    }
}
