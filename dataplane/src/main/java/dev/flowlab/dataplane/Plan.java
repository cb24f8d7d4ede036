package dev.flowlab.dataplane;

import dev.flowlab.topologies.Host;
import dev.flowlab.topologies.Link;
import dev.flowlab.topologies.Switch;
import dev.flowlab.topologies.Topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each part of a topology goes on this machine: one namespace per host (named after it), every
 * switch-side veth end in the root namespace (where OVS sees it), every host-side end in its host.
 */
final class Plan {
    /** One end of a veth: the node, its interface, and the namespace holding it (null = root). */
    record End(String node, int port, String ifname, String namespace) {
        boolean inRoot() {
            return namespace == null;
        }
    }

    /** A veth pair for one topology link. */
    record Veth(Link link, End a, End b) {
    }

    private final Topology topology;
    private final List<Veth> veths = new ArrayList<>();
    private final Map<String, List<End>> hostEnds = new LinkedHashMap<>();
    private final List<String> rootInterfaces = new ArrayList<>();

    Plan(Topology topology) {
        this.topology = topology;
        topology.hosts().forEach(h -> hostEnds.put(h.name(), new ArrayList<>()));
        for (Link l : topology.links()) {
            Veth v = new Veth(l, end(l.nodeA(), l.portA(), l.interfaceA()), end(l.nodeB(), l.portB(), l.interfaceB()));
            veths.add(v);
            for (End e : List.of(v.a(), v.b())) {
                if (e.inRoot()) {
                    rootInterfaces.add(e.ifname());
                } else {
                    hostEnds.get(e.node()).add(e);
                }
            }
        }
    }

    Topology topology() {
        return topology;
    }

    List<String> namespaces() {
        return topology.hosts().stream().map(Host::name).toList();
    }

    List<String> bridges() {
        return topology.switches().stream().map(Switch::name).toList();
    }

    List<Veth> veths() {
        return veths;
    }

    /** Switch-side veth ends, all in the root namespace. */
    List<String> rootInterfaces() {
        return rootInterfaces;
    }

    /** A host's interfaces in port order (eth0 first). */
    List<End> interfacesOf(String host) {
        return hostEnds.getOrDefault(host, List.of());
    }

    /** Names this run will claim in the root namespace: veth ends, TAP and tunnel devices, the bridges' own ports. */
    List<String> rootNames() {
        List<String> names = new ArrayList<>(ownedRootInterfaces());
        names.addAll(bridges());
        return names;
    }

    /** Root-namespace devices the run owns, all in its interface group: veth ends, TAP and tunnel devices. */
    List<String> ownedRootInterfaces() {
        List<String> names = new ArrayList<>(rootInterfaces);
        names.addAll(OptionalFeatures.rootDevices(topology));
        return names;
    }

    /**
     * The {@code ip -batch} input that creates every veth pair once the namespaces exist, host ends
     * directly inside their namespaces and root ends tagged with {@code group} (so teardown can delete
     * them at once).
     */
    String vethBatch(int group) {
        StringBuilder b = new StringBuilder();
        for (Veth v : veths) {
            b.append("link add ").append(endOptions(v.a(), group)).append(" type veth peer name ")
                    .append(endOptions(v.b(), group)).append('\n');
        }
        return b.toString();
    }

    private String endOptions(End e, int group) {
        StringBuilder o = new StringBuilder(e.ifname());
        if (e.inRoot()) {
            o.append(" group ").append(group);
        } else {
            Host h = topology.host(e.node()).orElseThrow();
            if (e.port() == 0 && h.mac() != null) {
                o.append(" address ").append(h.mac());
            }
            o.append(" netns ").append(e.namespace());
        }
        return o.toString();
    }

    private End end(String node, int port, String ifname) {
        boolean isHost = topology.host(node).isPresent();
        return new End(node, port, ifname, isHost ? node : null);
    }
}
