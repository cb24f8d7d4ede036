package dev.flowlab.dataplane;

import dev.flowlab.topologies.Topologies;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A name that exists and is not the run's is refused before anything is built, and left untouched. */
@Tag("system")
class NameClashTest {
    private static final String PREFIX = "dp4";

    @RegisterExtension
    final SystemTestNetwork sys = new SystemTestNetwork(PREFIX);

    @Test
    void someoneElsesNamespaceIsRefusedAndKept() {
        ProcessRunner.check("ip", "netns", "add", PREFIX + "h2");
        long inode = NamespaceProcesses.inode(PREFIX + "h2");

        assertThatThrownBy(this::startSingle3).isInstanceOf(DataplaneException.class)
                .hasMessageContaining("network namespace " + PREFIX + "h2 already exists")
                .hasMessageContaining("not flowlab's");

        assertThat(Machine.namespaces(PREFIX)).containsExactly(PREFIX + "h2");
        assertThat(NamespaceProcesses.inode(PREFIX + "h2")).isEqualTo(inode);
        assertThat(Machine.bridges(PREFIX)).isEmpty();
        assertThat(Machine.rootInterfaces(PREFIX)).isEmpty();
    }

    @Test
    void someoneElsesInterfaceIsRefusedAndKept() {
        ProcessRunner.check("ip", "link", "add", PREFIX + "s1-eth3", "type", "veth", "peer", "name", PREFIX + "x");

        assertThatThrownBy(this::startSingle3).isInstanceOf(DataplaneException.class)
                .hasMessageContaining("network interface " + PREFIX + "s1-eth3 already exists");

        assertThat(Machine.rootInterfaces(PREFIX)).containsExactly(PREFIX + "s1-eth3", PREFIX + "x");
        assertThat(Machine.namespaces(PREFIX)).isEmpty();
        assertThat(Machine.bridges(PREFIX)).isEmpty();
    }

    @Test
    void someoneElsesBridgeIsRefusedAndKept() {
        ProcessRunner.check(List.of(Tools.path("ovs-vsctl"), "add-br", PREFIX + "s1", "--", "set", "bridge", PREFIX + "s1",
                "datapath_type=netdev"), null, ProcessRunner.DEFAULT_TIMEOUT);

        assertThatThrownBy(this::startSingle3).isInstanceOf(DataplaneException.class)
                .hasMessageContaining(PREFIX + "s1 already exists");

        assertThat(Machine.bridges(PREFIX)).containsExactly(PREFIX + "s1");
        assertThat(Machine.namespaces(PREFIX)).isEmpty();
    }

    private void startSingle3() {
        sys.start(Topologies.single(3)).close();
    }
}
