package dev.flowlab.cli.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.testkit.Leftovers;
import dev.flowlab.testkit.SystemTest;
import org.junit.jupiter.api.Test;

/** {@code flowlab bench dataplane} end to end, in its own JVM, with Open vSwitch alone beside flowlab. */
@SystemTest("cb")
class BenchDataplaneSystemTest {
    @Test
    void printsFlowlabsRowWithOpenVswitchAlonesBesideAndLeavesNothing() throws Exception {
        try (FlowlabProcess flowlab = new FlowlabProcess("bench", "dataplane", "--compare", "ovs", "--prefix", "cb", "linear,3")) {
            assertThat(flowlab.awaitExit(300)).as(flowlab.output()).isZero();
            assertThat(flowlab.output()).contains("| ovs load | ovs build | ovs teardown |")
                    .containsPattern("\\| linear,3 \\| 3 \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+ \\| -?[0-9]+ "
                            + "\\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+ \\|");
        }
        assertThat(Leftovers.named("cb")).isEmpty();
    }
}
