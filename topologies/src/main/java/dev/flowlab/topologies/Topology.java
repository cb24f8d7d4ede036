package dev.flowlab.topologies;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable, validated network description: hosts, switches and the links between them.
 * Build one with {@link #builder()}, a generator in {@link Topologies}, or a file.
 */
public final class Topology {
    /** Linux limits interface names to 15 characters (IFNAMSIZ - 1). */
    public static final int MAX_INTERFACE_NAME = 15;

    private final List<Host> hosts;
    private final List<Switch> switches;
    private final List<Link> links;
    private final Map<String, Node> byName = new LinkedHashMap<>();

    Topology(List<Host> hosts, List<Switch> switches, List<Link> links) {
        this.hosts = List.copyOf(hosts);
        this.switches = List.copyOf(switches);
        this.links = List.copyOf(links);
        hosts.forEach(h -> byName.put(h.name(), h));
        switches.forEach(s -> byName.put(s.name(), s));
    }

    public static TopologyBuilder builder() {
        return new TopologyBuilder();
    }

    /** Interface name of a node's port, Mininet style: {@code s1-eth2}. */
    public static String interfaceName(String node, int port) {
        return node + "-eth" + port;
    }

    public List<Host> hosts() {
        return hosts;
    }

    public List<Switch> switches() {
        return switches;
    }

    public List<Link> links() {
        return links;
    }

    public Optional<Node> node(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Optional<Host> host(String name) {
        return node(name).filter(Host.class::isInstance).map(Host.class::cast);
    }

    public Optional<Switch> switchNamed(String name) {
        return node(name).filter(Switch.class::isInstance).map(Switch.class::cast);
    }

    /** Links with {@code node} at either end, in the order they were added. */
    public List<Link> linksOf(String node) {
        return links.stream().filter(l -> l.touches(node)).toList();
    }

    /** The port of {@code node} that faces {@code neighbour}, if they are linked. */
    public Optional<Integer> port(String node, String neighbour) {
        return links.stream().filter(l -> l.joins(node, neighbour)).findFirst()
                .map(l -> l.nodeA().equals(node) ? l.portA() : l.portB());
    }

    /** A copy with every node renamed {@code prefix + name}, to run several networks side by side. */
    public Topology withPrefix(String prefix) {
        TopologyBuilder b = builder();
        hosts.forEach(h -> b.addHost(new Host(prefix + h.name(), h.ip(), h.mac(), h.gateway())));
        switches.forEach(s -> b.addSwitch(new Switch(prefix + s.name(), s.dpid())));
        links.forEach(l -> b.addLink(prefix + l.nodeA(), prefix + l.nodeB(), l.params()));
        return b.build();
    }

    @Override
    public String toString() {
        return "Topology[" + hosts.size() + " hosts, " + switches.size() + " switches, " + links.size() + " links]";
    }
}
