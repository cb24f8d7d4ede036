package dev.flowlab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the shell says after a member is killed depends on whether the rest can still elect a master. */
class ControllerProcessesTest {
    @Test
    void aClusterNeedsAMajorityRunning() {
        assertThat(ControllerProcesses.majority(1, 1)).as("one alone").isTrue();
        assertThat(ControllerProcesses.majority(1, 2)).as("one of two: a two-member cluster cannot lose one").isFalse();
        assertThat(ControllerProcesses.majority(2, 3)).isTrue();
        assertThat(ControllerProcesses.majority(1, 3)).isFalse();
        assertThat(ControllerProcesses.majority(3, 4)).isTrue();
        assertThat(ControllerProcesses.majority(2, 4)).isFalse();
    }
}
