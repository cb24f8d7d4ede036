package dev.flowlab.dataplane;

import dev.flowlab.topologies.Host;
import dev.flowlab.topologies.Topology;

import java.util.List;

/** A host's extra addresses on its first interface (IP aliases), as {@code ip -n HOST -batch} lines. */
final class IpAliases {
    private IpAliases() {
    }

    static List<String> hostLines(Host h) {
        String ifname = Topology.interfaceName(h.name(), 0);
        return h.aliases().stream().map(a -> "address add " + a + " dev " + ifname).toList();
    }
}
