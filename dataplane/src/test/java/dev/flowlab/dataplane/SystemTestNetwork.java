package dev.flowlab.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.testkit.Leftovers;
import dev.flowlab.topologies.Topology;

/**
 * Builds a dataplane system test's networks under the test's name prefix (so tests never touch each
 * other's, or anyone else's, names). Skipping without root/OVS and the leftover checks before and after
 * each test are {@link dev.flowlab.testkit.SystemTest}'s.
 *
 * <pre>{@code
 * @SystemTest(LinkTest.PREFIX)
 * class LinkTest {
 *     static final String PREFIX = "dp6";
 *     final SystemTestNetwork sys = new SystemTestNetwork(PREFIX);
 *     ...
 *     try (Network net = sys.start(Topologies.linear(2))) { ... }
 *     sys.assertNothingLeft();
 * }</pre>
 */
final class SystemTestNetwork {
    private final String prefix;

    SystemTestNetwork(String prefix) {
        this.prefix = prefix;
    }

    /** Options with the test's name prefix. */
    NetworkOptions.Builder options() {
        return NetworkOptions.builder().namePrefix(prefix);
    }

    /** Builds {@code topology} under the test's name prefix. */
    Network start(Topology topology) {
        return Network.start(topology, options().build());
    }

    /** Nothing with the test's prefix is left (at a point inside the test; the extension checks after it too). */
    void assertNothingLeft() {
        assertThat(Leftovers.named(prefix)).isEmpty();
    }
}
