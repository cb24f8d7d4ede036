package dev.flowlab.dataplane;

import dev.flowlab.testkit.SystemTest;
import dev.flowlab.topologies.Topologies;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A build that fails part-way removes everything it made and says so. */
@SystemTest(FailedBuildTest.PREFIX)
class FailedBuildTest {
    static final String PREFIX = "dp5";

    final SystemTestNetwork sys = new SystemTestNetwork(PREFIX);

    @ParameterizedTest(name = "failure after {0}")
    @ValueSource(strings = {"namespaces and links", "hosts", "switches"})
    void failureAfterAStepLeavesNothing(String step) {
        NetworkOptions options = sys.options().runId("dp5fail").build();

        assertThatThrownBy(() -> Network.start(Topologies.tree(2, 2), options, done -> {
            if (done.equals(step)) {
                throw new DataplaneException("injected failure");
            }
        })).isInstanceOf(DataplaneException.class)
                .hasMessageContaining("injected failure")
                .hasMessageContaining("rolled back: nothing left");

        sys.assertNothingLeft();
        assertThat(Files.exists(RunState.dir().resolve("dp5fail" + RunState.FILE_SUFFIX))).isFalse();
    }
}
