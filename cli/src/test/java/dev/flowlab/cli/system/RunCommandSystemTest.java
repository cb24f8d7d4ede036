package dev.flowlab.cli.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.lab.system.SystemTests;
import dev.flowlab.testkit.Leftovers;
import dev.flowlab.testkit.SystemTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flowlab run} end to end, in its own JVM: tests, scripts, and teardown on signals. */
@SystemTest({"clr", "cls", "cli", "clg", "clc"})
class RunCommandSystemTest {
    @Test
    void pingallTestExitsZeroAndLeavesNothing() throws Exception {
        try (FlowlabProcess flowlab = new FlowlabProcess("run", "--topo", "single,3", "--test", "pingall", "--prefix", "clr")) {
            assertThat(flowlab.awaitExit(120)).as(flowlab.output()).isZero();
            assertThat(flowlab.output()).contains("0% loss (6/6 received)", "teardown");
            assertThat(flowlab.output()).doesNotContain("\u001b[");
        }
        assertThat(Leftovers.named("clr")).isEmpty();
    }

    @Test
    void scriptDrivesTheShell(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("steps.txt");
        Files.writeString(script, String.join("\n",
                "# a comment",
                "nodes",
                "net",
                "pingall",
                "link s1 h1 down",
                "links",
                "pingpair h1 h2",
                "link s1 h1 up",
                "h1 ping -c2 -W2 h2",
                "iperf h1 h3 1",
                "flows s1",
                "dump",
                "exit",
                "pingall"));
        try (FlowlabProcess flowlab = new FlowlabProcess("run", "--topo", "single,3", "--script", script.toString(),
                "--prefix", "cls")) {
            // pingpair with the link down fails, so the script reports failure (1), not a mistake (2).
            assertThat(flowlab.awaitExit(180)).as(flowlab.output()).isEqualTo(1);
            String out = flowlab.output();
            assertThat(out).contains("flowlab> nodes", "hosts:    h1 h2 h3", "switches: s1", "s1 s1-eth1:h1-eth0",
                    "0% loss (6/6 received)", "link s1 <-> h1 down", "h1-eth0<->s1-eth1  DOWN",
                    "100% loss (0/2 received)", "2 packets transmitted", "h1 -> h3: ", "Mbit/s",
                    "actions=output:CONTROLLER", "flow stats from the controller)", "bridge cls", "connected");
            assertThat(out.lines().filter(l -> l.contains("flowlab> pingall"))).as("nothing after exit runs").hasSize(1);
        }
        assertThat(Leftovers.named("cls")).isEmpty();
    }

    /** A host command runs as the host: in a topology with identities, {@code hostname} is the host's own. */
    @Test
    void aHostCommandInTheShellRunsWithTheHostsIdentity(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("steps.txt");
        Files.writeString(script, "h1 hostname\nh3 hostname\nexit\n");
        String machine = SystemTests.must("hostname").strip();
        try (FlowlabProcess flowlab = new FlowlabProcess("run", "--topo", "../topologies/examples/identity.yaml",
                "--controller", "none", "--script", script.toString(), "--prefix", "cli")) {
            assertThat(flowlab.awaitExit(120)).as(flowlab.output()).isZero();
            // Names carry the run's prefix on the machine, hostnames included (clih1 is h1 of this run).
            assertThat(flowlab.output().lines()).contains("clih1", "clih3").doesNotContain(machine);
        }
        assertThat(Leftovers.named("cli")).isEmpty();
    }

    @Test
    void sigtermTearsDownALiveNetwork() throws Exception {
        assertSignalTearsDown("clg", "TERM");
    }

    @Test
    void ctrlCTearsDownALiveNetwork() throws Exception {
        assertSignalTearsDown("clc", "INT");
    }

    private static void assertSignalTearsDown(String prefix, String signal) throws Exception {
        // stdin stays an open pipe: flowlab waits for shell commands with the network up.
        try (FlowlabProcess flowlab = new FlowlabProcess("run", "--topo", "linear,2", "--prefix", prefix)) {
            flowlab.awaitLine(l -> l.contains("switches") && l.contains("connected"), 120);
            assertThat(Leftovers.named(prefix)).isNotEmpty();
            SystemTests.must("kill", "-" + signal, String.valueOf(flowlab.process().pid()));
            flowlab.awaitExit(60);
            assertThat(flowlab.output()).contains("teardown");
        }
        assertThat(Leftovers.named(prefix)).isEmpty();
    }
}
