package dev.flowlab.cli.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.lab.system.SystemTests;
import dev.flowlab.testkit.SystemTest;
import org.junit.jupiter.api.Test;

/**
 * Shell commands that depend on the run's controller either do what they say or refuse in one line: never
 * nothing, silently.
 */
@SystemTest({"rse", "rsx"})
class ShellModesSystemTest {
    /** Before, a second stop (or a start while running) printed "controller stopped" (or "started") and did nothing. */
    @Test
    void theEmbeddedControllerCannotBeStoppedTwice() throws Exception {
        try (FlowlabProcess flowlab = new FlowlabProcess("run", "--topo", "single,2", "--prefix", "rse")) {
            flowlab.awaitLine(l -> l.contains("switches") && l.contains("1/1 connected"), 120);
            flowlab.type("controller start\n");
            flowlab.awaitLine(l -> l.equals("error: the controller is already running"), 30);
            assertThat(flowlab.awaitExit(60)).as("a script stops at a command used wrongly").isEqualTo(2);
        }
        try (FlowlabProcess flowlab = new FlowlabProcess("run", "--topo", "single,2", "--prefix", "rse")) {
            flowlab.awaitLine(l -> l.contains("switches") && l.contains("1/1 connected"), 120);
            flowlab.type("controller stop\ndump\ncontroller stop\n");
            flowlab.awaitLine(l -> l.startsWith("switch s1") && l.endsWith("controller not connected"), 30);
            flowlab.awaitLine(l -> l.equals("error: the controller is not running"), 30);
            assertThat(flowlab.awaitExit(60)).isEqualTo(2);
        }
    }

    /** Before, dump showed the external controller's address where it shows the connection for flowlab's own. */
    @Test
    void dumpShowsWhetherEachSwitchIsConnectedToAnExternalControllerAndControllerStopRefuses() throws Exception {
        int port = SystemTests.freePort();
        try (FlowlabProcess external = new FlowlabProcess("controller", "--listen", "127.0.0.1:" + port, "--rest", "off");
             FlowlabProcess flowlab = run(external, port)) {
            flowlab.type("dump\ncontroller stop\n");
            flowlab.awaitLine(l -> l.startsWith("switch s1") && l.endsWith("controller connected"), 30);
            flowlab.awaitLine(l -> l.equals("error: the controller is external (tcp:127.0.0.1:" + port
                    + "): stop or start it yourself"), 30);
            assertThat(flowlab.awaitExit(60)).isEqualTo(2);
        }
    }

    private static FlowlabProcess run(FlowlabProcess external, int port) throws Exception {
        external.awaitLine(l -> l.startsWith("controller listening on"), 60);
        FlowlabProcess flowlab = new FlowlabProcess("run", "--topo", "single,2", "--prefix", "rsx",
                "--controller", "tcp:127.0.0.1:" + port);
        flowlab.awaitLine(l -> l.contains("switches") && l.contains("1/1 connected"), 120);
        return flowlab;
    }
}
