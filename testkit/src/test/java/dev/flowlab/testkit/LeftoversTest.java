package dev.flowlab.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A prefix that could reach names no test made is refused before anything is listed or removed. */
class LeftoversTest {

    @Test
    void refusesPrefixesThatReachTheMachinesOwnNames() {
        for (String broad : new String[] {"", "e", "et", "eth", "ovs", "ovs-sys"}) {
            assertThatThrownBy(() -> Leftovers.remove(broad)).as(broad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too broad");
        }
        assertThatThrownBy(() -> Leftovers.named(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
