package dev.flowlab.topologies;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable, validated network description: hosts, switches and the links between them.
 * Build one with {@link #builder()}, a generator in {@link Topologies}, a spec string
 * ({@link TopologySpec}) or a file ({@link TopologyFiles}); {@link TopologySource} takes either.
 * Beyond one veth per host it may carry switch ports backed by TAP devices ({@link #taps()}), tunnel
 * ports to remote switches ({@link #tunnels()}), egress queues on switch ports ({@link #qos()}) and per-host
 * identity ({@link #identity()}).
 * Two topologies are equal when all of these are equal, in order.
 */
public final class Topology {
    /** Linux limits interface names to 15 characters (IFNAMSIZ - 1). */
    public static final int MAX_INTERFACE_NAME = 15;

    private final List<Host> hosts;
    private final List<Switch> switches;
    private final List<Link> links;
    private final List<TapPort> taps;
    private final List<Tunnel> tunnels;
    private final List<PortQos> qos;
    private final Identity identity;
    private final Map<String, Node> byName = new LinkedHashMap<>();
    private final Map<String, List<Link>> linksByNode = new LinkedHashMap<>();

    Topology(List<Host> hosts, List<Switch> switches, List<Link> links, List<TapPort> taps, List<Tunnel> tunnels,
             List<PortQos> qos, Identity identity) {
        this.hosts = List.copyOf(hosts);
        this.switches = List.copyOf(switches);
        this.links = List.copyOf(links);
        this.taps = List.copyOf(taps);
        this.tunnels = List.copyOf(tunnels);
        this.qos = List.copyOf(qos);
        this.identity = identity;
        hosts.forEach(h -> byName.put(h.name(), h));
        switches.forEach(s -> byName.put(s.name(), s));
        byName.keySet().forEach(n -> linksByNode.put(n, new ArrayList<>()));
        links.forEach(l -> {
            linksByNode.get(l.nodeA()).add(l);
            linksByNode.get(l.nodeB()).add(l);
        });
        linksByNode.replaceAll((node, its) -> List.copyOf(its));
    }

    /** An empty builder: add nodes, then links. */
    public static TopologyBuilder builder() {
        return new TopologyBuilder();
    }

    /** Interface name of a node's port, Mininet style: {@code s1-eth2}. */
    public static String interfaceName(String node, int port) {
        return node + "-eth" + port;
    }

    /** Hosts in the order they were added (Mininet's order, which numbers their addresses). */
    public List<Host> hosts() {
        return hosts;
    }

    /** Switches in the order they were added. */
    public List<Switch> switches() {
        return switches;
    }

    /** Links in the order they were added (which numbered their ports). */
    public List<Link> links() {
        return links;
    }

    /** Switch ports backed by TAP devices, in the order they were added. */
    public List<TapPort> taps() {
        return taps;
    }

    /** Switch ports that are tunnel ends (VXLAN, GRE), in the order they were added. */
    public List<Tunnel> tunnels() {
        return tunnels;
    }

    /** Switch ports with egress queues, in the order they were added. */
    public List<PortQos> qos() {
        return qos;
    }

    /** Hostnames, hosts files and resolv.conf for every host, if asked for. */
    public Optional<Identity> identity() {
        return Optional.ofNullable(identity);
    }

    /** The host or switch with this name. */
    public Optional<Node> node(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The host with this name. */
    public Optional<Host> host(String name) {
        return node(name).filter(Host.class::isInstance).map(Host.class::cast);
    }

    /** The switch with this name ({@code switch} is a Java keyword). */
    public Optional<Switch> switchNamed(String name) {
        return node(name).filter(Switch.class::isInstance).map(Switch.class::cast);
    }

    /** Links with {@code node} at either end, in the order they were added; empty for an unknown node. */
    public List<Link> linksOf(String node) {
        return linksByNode.getOrDefault(node, List.of());
    }

    /** The port of {@code node} that faces {@code neighbour} (its first such link), if they are linked. */
    public Optional<Integer> port(String node, String neighbour) {
        return linksByNode.getOrDefault(node, List.of()).stream().filter(l -> l.joins(node, neighbour)).findFirst()
                .map(l -> l.portOf(node));
    }

    /** A copy with every node renamed {@code prefix + name}, to run several networks side by side. */
    public Topology withPrefix(String prefix) {
        TopologyBuilder b = builder();
        hosts.forEach(h -> b.addHost(h.renamed(prefix)));
        switches.forEach(s -> b.addSwitch(new Switch(prefix + s.name(), s.dpid())));
        links.forEach(l -> b.addLink(new Link(prefix + l.nodeA(), l.portA(), prefix + l.nodeB(), l.portB(), l.params(),
                l.vlanA(), l.vlanB())));
        taps.forEach(t -> b.addTap(new TapPort(prefix + t.switchName(), t.port())));
        // underlay namespaces are not flowlab's and keep their names
        tunnels.forEach(t -> b.addTunnel(new Tunnel(prefix + t.switchName(), t.port(), t.type(), t.remote(), t.local(),
                t.key(), t.dstPort(), t.underlayNamespace(), t.mtu())));
        qos.forEach(q -> b.addQos(q.renamed(prefix)));
        addIdentityTo(b);
        return b.build();
    }

    /** A copy where each host without a MAC gets one from its number: n-th host {@code 00:00:00:00:00:0n} (Mininet {@code --mac}). */
    public Topology withDeterministicMacs() {
        TopologyBuilder b = builder().deterministicMacs();
        hosts.forEach(b::addHost);
        switches.forEach(b::addSwitch);
        links.forEach(b::addLink);
        taps.forEach(b::addTap);
        tunnels.forEach(b::addTunnel);
        qos.forEach(b::addQos);
        addIdentityTo(b);
        return b.build();
    }

    private void addIdentityTo(TopologyBuilder b) {
        if (identity != null) {
            b.identity(identity);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Topology t && hosts.equals(t.hosts) && switches.equals(t.switches) && links.equals(t.links)
                && taps.equals(t.taps) && tunnels.equals(t.tunnels) && qos.equals(t.qos) && Objects.equals(identity, t.identity);
    }

    @Override
    public int hashCode() {
        return Objects.hash(hosts, switches, links, taps, tunnels, qos, identity);
    }

    @Override
    public String toString() {
        return "Topology[" + hosts.size() + " hosts, " + switches.size() + " switches, " + links.size() + " links]";
    }
}
