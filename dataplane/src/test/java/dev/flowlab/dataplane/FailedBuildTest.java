package dev.flowlab.dataplane;

import dev.flowlab.topologies.Topologies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A build that fails part-way removes everything it made and says so. */
@Tag("system")
class FailedBuildTest {
    private static final String PREFIX = "dp5";

    @BeforeEach
    void needsRootAndOvs() {
        Machine.assumeRootWithOvs();
        Machine.assertNothingLeft(PREFIX);
    }

    @AfterEach
    void removeLeftovers() {
        Machine.removeLeftovers(PREFIX);
    }

    @ParameterizedTest(name = "failure after {0}")
    @ValueSource(strings = {"namespaces and links", "hosts", "switches"})
    void failureAfterAStepLeavesNothing(String step) {
        NetworkOptions options = NetworkOptions.builder().namePrefix(PREFIX).runId("dp5fail").build();

        assertThatThrownBy(() -> Network.start(Topologies.tree(2, 2), options, done -> {
            if (done.equals(step)) {
                throw new DataplaneException("injected failure");
            }
        })).isInstanceOf(DataplaneException.class)
                .hasMessageContaining("injected failure")
                .hasMessageContaining("rolled back: nothing left");

        Machine.assertNothingLeft(PREFIX);
        assertThat(Files.exists(RunState.dir().resolve("dp5fail" + RunState.FILE_SUFFIX))).isFalse();
    }
}
