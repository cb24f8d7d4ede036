package dev.flowlab.dataplane;

import dev.flowlab.topologies.Tunnel;
import dev.flowlab.topologies.Topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tunnel ports (VXLAN, Ethernet over GRE): a kernel tunnel device in the root namespace, where OVS adds it to
 * the bridge, whose encapsulated packets leave from the underlay. With an underlay namespace the device is
 * created inside it (so its socket and routes are the underlay's) and placed in the root namespace at once
 * ({@code ip -n UNDERLAY link add ... netns <this process>}). Devices carry the run's interface group.
 *
 * <p>MTU: the device gets the tunnel's MTU (default 1500 minus the encapsulation overhead), and so does every
 * host interface of the network (see {@link #hostMtu}), so hosts never send a frame the tunnel cannot carry
 * without fragmenting the outer packet.
 */
final class TunnelLinks {
    private TunnelLinks() {
    }

    /** {@code ip -batch} lines per underlay namespace (null key: the root namespace). */
    static Map<String, List<String>> creationLines(Topology t, int group) {
        Map<String, List<String>> byUnderlay = new LinkedHashMap<>();
        long self = ProcessHandle.current().pid();
        for (Tunnel tunnel : t.tunnels()) {
            StringBuilder line = new StringBuilder("link add ").append(tunnel.interfaceName());
            if (tunnel.underlayNamespace() != null) {
                line.append(" netns ").append(self);
            }
            line.append(" group ").append(group).append(" mtu ").append(tunnel.effectiveMtu());
            if (tunnel.type() == Tunnel.Type.VXLAN) {
                line.append(" type vxlan id ").append(tunnel.vni()).append(" remote ").append(tunnel.remote())
                        .append(" dstport ").append(tunnel.vxlanPort());
            } else {
                line.append(" type gretap remote ").append(tunnel.remote());
                if (tunnel.key() != null) {
                    line.append(" key ").append(tunnel.key());
                }
            }
            if (tunnel.local() != null) {
                line.append(" local ").append(tunnel.local());
            }
            byUnderlay.computeIfAbsent(tunnel.underlayNamespace(), u -> new ArrayList<>()).add(line.toString());
        }
        return byUnderlay;
    }

    /** ovs-vsctl arguments adding the tunnel devices to their bridges with their port numbers. */
    static List<String> ovsArgs(Topology t) {
        List<String> argv = new ArrayList<>();
        for (Tunnel tunnel : t.tunnels()) {
            argv.addAll(List.of("--", "add-port", tunnel.switchName(), tunnel.interfaceName(),
                    "--", "set", "interface", tunnel.interfaceName(), "ofport_request=" + tunnel.port()));
        }
        return argv;
    }

    /** The MTU every host interface gets: the smallest tunnel MTU, or null without tunnels. */
    static Integer hostMtu(Topology t) {
        return t.tunnels().stream().map(Tunnel::effectiveMtu).min(Integer::compare).orElse(null);
    }

    static List<String> deviceNames(Topology t) {
        return t.tunnels().stream().map(Tunnel::interfaceName).toList();
    }
}
