package dev.flowlab.dataplane;

import dev.flowlab.testkit.Leftovers;
import dev.flowlab.testkit.SystemTest;
import dev.flowlab.topologies.Topologies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A name that exists and is not the run's is refused before anything is built, and left untouched. */
@SystemTest(NameClashTest.PREFIX)
class NameClashTest {
    static final String PREFIX = "dp4";

    final SystemTestNetwork sys = new SystemTestNetwork(PREFIX);

    /** The "someone else's" namespace, interface or bridge is this test's own making: it removes it. */
    @AfterEach
    void removeTheForeignName() {
        Leftovers.remove(PREFIX);
    }

    @Test
    void someoneElsesNamespaceIsRefusedAndKept() {
        ProcessRunner.check("ip", "netns", "add", PREFIX + "h2");
        long inode = NamespaceProcesses.inode(PREFIX + "h2");

        assertThatThrownBy(this::startSingle3).isInstanceOf(DataplaneException.class)
                .hasMessageContaining("network namespace " + PREFIX + "h2 already exists")
                .hasMessageContaining("not flowlab's");

        assertThat(Leftovers.namespaces(PREFIX)).containsExactly(PREFIX + "h2");
        assertThat(NamespaceProcesses.inode(PREFIX + "h2")).isEqualTo(inode);
        assertThat(Leftovers.bridges(PREFIX)).isEmpty();
        assertThat(Leftovers.interfaces(PREFIX)).isEmpty();
    }

    @Test
    void someoneElsesInterfaceIsRefusedAndKept() {
        ProcessRunner.check("ip", "link", "add", PREFIX + "s1-eth3", "type", "veth", "peer", "name", PREFIX + "x");

        assertThatThrownBy(this::startSingle3).isInstanceOf(DataplaneException.class)
                .hasMessageContaining("network interface " + PREFIX + "s1-eth3 already exists");

        assertThat(Leftovers.interfaces(PREFIX)).containsExactly(PREFIX + "s1-eth3", PREFIX + "x");
        assertThat(Leftovers.namespaces(PREFIX)).isEmpty();
        assertThat(Leftovers.bridges(PREFIX)).isEmpty();
    }

    @Test
    void someoneElsesBridgeIsRefusedAndKept() {
        ProcessRunner.check(List.of(Tools.path("ovs-vsctl"), "add-br", PREFIX + "s1", "--", "set", "bridge", PREFIX + "s1",
                "datapath_type=netdev"), null, ProcessRunner.DEFAULT_TIMEOUT);

        assertThatThrownBy(this::startSingle3).isInstanceOf(DataplaneException.class)
                .hasMessageContaining(PREFIX + "s1 already exists");

        assertThat(Leftovers.bridges(PREFIX)).containsExactly(PREFIX + "s1");
        assertThat(Leftovers.namespaces(PREFIX)).isEmpty();
    }

    private void startSingle3() {
        sys.start(Topologies.single(3)).close();
    }
}
