package dev.flowlab.topologies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;

/**
 * Compares a generated topology with what Mininet 2.3 (Debian package) builds for the same spec. The
 * expected lines were printed by Mininet's own Topo classes ({@code topo.hosts()} in its natural order,
 * numbered as {@code Mininet.addHost} numbers addresses; dpids by {@code defaultDpid}; each link as
 * {@code node1:port1-node2:port2} from {@code topo.links(withInfo=True)}).
 */
final class MininetReference {
    private MininetReference() {
    }

    static void assertSameAsMininet(Topology t, String hosts, String switches, String links) {
        assertThat(t.hosts().stream().map(h -> h.name() + "=" + h.ip().replace("/8", "")).collect(Collectors.joining(" ")))
                .isEqualTo(hosts);
        assertThat(t.switches().stream().map(s -> s.name() + "=" + s.dpid()).collect(Collectors.joining(" ")))
                .isEqualTo(switches);
        assertThat(t.links().stream().map(l -> l.nodeA() + ":" + l.portA() + "-" + l.nodeB() + ":" + l.portB()))
                .containsExactlyInAnyOrder(links.split(" "));
        assertThat(t.hosts()).allSatisfy(h -> assertThat(h.ip()).endsWith("/8"));
    }
}
