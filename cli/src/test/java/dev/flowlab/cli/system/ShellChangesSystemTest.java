package dev.flowlab.cli.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.testkit.Leftovers;
import dev.flowlab.testkit.SystemTest;
import org.junit.jupiter.api.Test;

/**
 * The shell's commands that change the network return once the controller sees the change, so the next command
 * meets a network that works. Before, {@code switch s2 start} returned while s2 was still reconnecting, and a
 * {@code pingall} right after it lost 4 of 6 on routing over OpenFlow 1.5.
 */
@SystemTest("rsc")
class ShellChangesSystemTest {
    private static final String NOTHING_LOST = "0% loss (6/6 received)";

    @Test
    void aPingallRightAfterASwitchLinkOrControllerComesBackLosesNothing() throws Exception {
        try (FlowlabProcess flowlab = new FlowlabProcess("run", "--topo", "linear,3", "--apps", "routing",
                "--protocols", "OpenFlow15", "--prefix", "rsc")) {
            flowlab.awaitLine(l -> l.contains("switches") && l.contains("3/3 connected"), 120);
            flowlab.type("""
                    switch s2 stop
                    switch s2 start
                    dump
                    pingall
                    link s1 s2 down
                    link s1 s2 up
                    pingall
                    controller stop
                    controller start
                    pingall
                    exit
                    """);
            assertThat(flowlab.awaitExit(180)).as(flowlab.output()).isZero();
            String out = flowlab.output();
            assertThat(out).containsPattern("switch s2 started \\(ports up\\); the controller saw it after [\\d.]+ s")
                    .containsPattern("link s1 <-> s2 up; the controller saw it after [\\d.]+ s")
                    .containsPattern("controller started; the controller saw it after [\\d.]+ s");
            assertThat(out).as("dump right after switch s2 start").containsPattern("switch s2 .*controller connected");
            assertThat(out.split(java.util.regex.Pattern.quote(NOTHING_LOST), -1)).as(out).hasSize(4);
        }
        assertThat(Leftovers.named("rsc")).isEmpty();
    }
}
