package dev.flowlab.topologies;

import java.util.List;

/** The parts of a {@link Topology} beyond hosts, switches and links: TAP ports, tunnels, host identity. */
record TopologyExtras(List<TapPort> taps, List<Tunnel> tunnels, Identity identity) {
    static final TopologyExtras NONE = new TopologyExtras(List.of(), List.of(), null);

    TopologyExtras {
        taps = List.copyOf(taps);
        tunnels = List.copyOf(tunnels);
    }

    /** The same with switch names prefixed; underlay namespaces are not flowlab's and keep their names. */
    TopologyExtras renamed(String prefix) {
        return new TopologyExtras(
                taps.stream().map(t -> new TapPort(prefix + t.switchName(), t.port())).toList(),
                tunnels.stream().map(t -> new Tunnel(prefix + t.switchName(), t.port(), t.type(), t.remote(), t.local(),
                        t.key(), t.dstPort(), t.underlayNamespace(), t.mtu())).toList(),
                identity);
    }

    /** Adds these to a builder that already has the nodes and links. */
    void addTo(TopologyBuilder b) {
        taps.forEach(b::addTap);
        tunnels.forEach(b::addTunnel);
        if (identity != null) {
            b.identity(identity);
        }
    }
}
