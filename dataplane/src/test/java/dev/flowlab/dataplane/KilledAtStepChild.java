package dev.flowlab.dataplane;

import dev.flowlab.topologies.TopologyFiles;

import java.nio.file.Path;

/**
 * Child process for {@link CleanAfterKillTest}: builds identity.yaml under a prefix and run id, and at
 * the named build step prints {@code AT step} and waits there to be killed with SIGKILL.
 */
public final class KilledAtStepChild {
    private KilledAtStepChild() {
    }

    /** @param args prefix, run id, step */
    public static void main(String[] args) throws Exception {
        NetworkOptions options = NetworkOptions.builder().namePrefix(args[0]).runId(args[1]).build();
        Network.start(TopologyFiles.read(Path.of("../topologies/examples/identity.yaml")), options, step -> {
            if (step.equals(args[2])) {
                System.out.println("AT " + step);
                System.out.flush();
                try {
                    Thread.sleep(600_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        System.out.println("AT ready");
        System.out.flush();
        Thread.sleep(600_000);
    }
}
