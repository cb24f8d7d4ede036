package dev.flowlab.lab.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.controller.RestConfig;
import dev.flowlab.dataplane.FailMode;
import dev.flowlab.dataplane.PingResult;
import dev.flowlab.lab.ControllerChoice;
import dev.flowlab.lab.Lab;
import dev.flowlab.lab.LabSpec;
import dev.flowlab.lab.Progress;
import dev.flowlab.topologies.Topology;
import dev.flowlab.topologies.TopologyFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * VLANs keep their meaning under a controller: the reachability matrix of each VLAN example is the
 * same in standalone mode (Open vSwitch's own VLAN handling in NORMAL), under learning-switch and
 * under routing (the controller's VLAN stage).
 */
class VlanSystemTest {
    private static final String PREFIX = "vl";
    private static final Path EXAMPLES = Path.of("../topologies/examples");

    @BeforeAll
    static void rootAndOvs() {
        SystemTests.assumeRootWithOvs();
    }

    @Test
    void twoVlansOverATrunkReachTheSameHostsUnderEveryApp() {
        Topology topology = TopologyFiles.read(EXAMPLES.resolve("vlans.yaml"));
        Set<String> standalone = matrix(topology, List.of());

        assertThat(standalone).as("the example's promise, in standalone mode")
                .containsExactlyInAnyOrder("h1->h3", "h3->h1", "h2->h4", "h4->h2");
        assertThat(matrix(topology, List.of("learning-switch"))).as("under learning-switch").isEqualTo(standalone);
        assertThat(matrix(topology, List.of("routing"))).as("under routing").isEqualTo(standalone);
    }

    @Test
    void qinqCustomersReachTheSameHostsUnderEveryApp() {
        Topology topology = TopologyFiles.read(EXAMPLES.resolve("qinq.yaml"));
        Set<String> standalone = matrix(topology, List.of());

        assertThat(standalone).as("the example's promise, in standalone mode")
                .containsExactlyInAnyOrder("h1->h2", "h2->h1", "h3->h4", "h4->h3");
        assertThat(matrix(topology, List.of("learning-switch"))).as("under learning-switch").isEqualTo(standalone);
        assertThat(matrix(topology, List.of("routing"))).as("under routing").isEqualTo(standalone);
    }

    /**
     * Every host pair that answers ping, as "h1->h3". A pair is asked twice (a controller's first packet
     * may be the one that sets up the path), so only a pair that never answers counts as apart.
     */
    static Set<String> matrix(Topology topology, List<String> apps) {
        boolean standalone = apps.isEmpty();
        LabSpec spec = new LabSpec(topology, apps, standalone ? ControllerChoice.NONE : ControllerChoice.EMBEDDED,
                standalone ? FailMode.STANDALONE : FailMode.SECURE, PREFIX, RestConfig.off(), Map.of());
        Set<String> reached = new TreeSet<>();
        try (Lab lab = Lab.start(spec, Progress.SILENT)) {
            for (int round = 0; round < 2; round++) {
                PingResult result = lab.network().pingAll();
                result.outcomes().stream().filter(PingResult.Outcome::received)
                        .forEach(o -> reached.add(unprefixed(o.from()) + "->" + unprefixed(o.to())));
            }
        }
        assertThat(SystemTests.leftovers(PREFIX)).isEmpty();
        return reached;
    }

    private static String unprefixed(String host) {
        return host.startsWith(PREFIX) ? host.substring(PREFIX.length()) : host;
    }
}
