package dev.flowlab.dataplane;

import dev.flowlab.topologies.Topology;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What every dataplane system test sets up: skip without root and Open vSwitch, check nothing with
 * the test's name prefix is left from before, remove what a failed test left after it, and build
 * networks under that prefix (so tests never touch each other's, or anyone else's, names).
 *
 * <pre>{@code
 * @RegisterExtension final SystemTestNetwork sys = new SystemTestNetwork("dp6");
 * ...
 * try (Network net = sys.start(Topologies.linear(2))) { ... }
 * sys.assertNothingLeft();
 * }</pre>
 */
final class SystemTestNetwork implements BeforeEachCallback, AfterEachCallback {
    private final String prefix;

    SystemTestNetwork(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Machine.assumeRootWithOvs();
        Machine.assertNothingLeft(prefix);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Machine.removeLeftovers(prefix);
    }

    /** Options with the test's name prefix. */
    NetworkOptions.Builder options() {
        return NetworkOptions.builder().namePrefix(prefix);
    }

    /** Builds {@code topology} under the test's name prefix. */
    Network start(Topology topology) {
        return Network.start(topology, options().build());
    }

    /** No namespace, interface or bridge with the test's prefix is left. */
    void assertNothingLeft() {
        Machine.assertNothingLeft(prefix);
    }
}
