package dev.flowlab.topologies;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Builds a {@link Topology} the way Mininet's {@code Topo} does: add nodes, then links; ports are
 * numbered in link order (hosts from 0, switches from 1). Defaults follow Mininet: the n-th host added
 * gets 10.0.0.n/8 (and, with {@link #deterministicMacs()}, MAC n); a switch's dpid is the first number
 * in its name ({@code s12 -> 12}). Mistakes fail at the call that makes them, naming the element.
 */
public final class TopologyBuilder {
    /** 10.0.0.0/8 minus its network and broadcast addresses. */
    static final int MAX_DEFAULT_HOSTS = (1 << 24) - 2;

    private final List<Host> hosts = new ArrayList<>();
    private final Map<String, Long> switches = new LinkedHashMap<>();   // name -> dpid, null = from name
    private final List<Link> links = new ArrayList<>();
    private final List<TapPort> taps = new ArrayList<>();
    private final List<Tunnel> tunnels = new ArrayList<>();
    private final List<PortQos> qos = new ArrayList<>();
    private Identity identity;
    private final Ports ports = new Ports();
    private final Map<String, String> addresses = new HashMap<>();
    private final Set<Long> fixedDpids = new HashSet<>();
    private boolean macsFromNumbers;

    TopologyBuilder() {
    }

    /** Give hosts without an explicit MAC one from their number: n-th host added gets {@code 00:00:00:00:00:0n} (Mininet {@code --mac}). */
    public TopologyBuilder deterministicMacs() {
        this.macsFromNumbers = true;
        return this;
    }

    /** A host with Mininet's default address: the n-th host added gets 10.0.0.n/8 (10.0.1.0/8 for n = 256). */
    public TopologyBuilder addHost(String name) {
        return addHost(name, defaultIp(hosts.size() + 1));
    }

    /** A host with this address and prefix length, e.g. {@code 10.1.0.5/24}. */
    public TopologyBuilder addHost(String name, String ipWithPrefix) {
        return addHost(new Host(name, ipWithPrefix, null, null));
    }

    /** A host as given; its address must not be another host's. */
    public TopologyBuilder addHost(Host host) {
        String other = addresses.get(host.address());
        if (other != null) {
            throw new TopologyException(host.name(), "hosts " + other + " and " + host.name()
                    + " both have address " + host.address() + ": give each host its own address");
        }
        claim(host.name(), false);
        addresses.put(host.address(), host.name());
        hosts.add(host);
        return this;
    }

    /** A switch whose dpid is the first number in its name ({@code s12 -> 12}), or else the lowest free one. */
    public TopologyBuilder addSwitch(String name) {
        Names.check("switch", name);
        claim(name, true);
        switches.put(name, null);
        return this;
    }

    /** A switch with this datapath id. */
    public TopologyBuilder addSwitch(String name, long dpid) {
        return addSwitch(new Switch(name, dpid));
    }

    /** A switch as given; its dpid must not be another switch's. */
    public TopologyBuilder addSwitch(Switch sw) {
        if (fixedDpids.contains(sw.dpid())) {
            throw new TopologyException(sw.name(), "switch " + sw.name() + ": datapath id " + sw.dpid()
                    + " is already another switch's; give each switch its own dpid");
        }
        claim(sw.name(), true);
        fixedDpids.add(sw.dpid());
        switches.put(sw.name(), sw.dpid());
        return this;
    }

    /** A link with the next free port at each end. */
    public TopologyBuilder addLink(String a, String b) {
        return addLink(a, null, b, null, LinkParams.NONE);
    }

    /** A shaped link with the next free port at each end. */
    public TopologyBuilder addLink(String a, String b, LinkParams params) {
        return addLink(a, null, b, null, params);
    }

    /**
     * A link whose switch end(s) get these VLAN settings: {@code addLink("h1", "s1", PortVlan.access(10))}
     * puts s1's port in VLAN 10; {@code addLink("s1", "s2", PortVlan.trunk(10, 20))} makes both ends trunks.
     */
    public TopologyBuilder addLink(String a, String b, PortVlan vlan) {
        return addLink(a, null, b, null, LinkParams.NONE, switchEnd(a, vlan), switchEnd(b, vlan));
    }

    /** A link with VLAN settings for each end (null for none); only switch ends can have them. */
    public TopologyBuilder addLink(String a, String b, PortVlan vlanA, PortVlan vlanB) {
        return addLink(a, null, b, null, LinkParams.NONE, vlanA, vlanB);
    }

    /** A link with the ports it names (Mininet's {@code addLink(a, b, port1=, port2=)}). */
    public TopologyBuilder addLink(Link link) {
        return addLink(link.nodeA(), link.portA(), link.nodeB(), link.portB(), link.params(), link.vlanA(), link.vlanB());
    }

    /** A switch port backed by a TAP device ({@code s1-tap3}), on the switch's next free port. */
    public TopologyBuilder addTap(String switchName) {
        return addTap(new TapPort(switchName, 0));
    }

    /** A TAP port as given; port 0 means the switch's next free port. */
    public TopologyBuilder addTap(TapPort tap) {
        int port = switchPort(tap.switchName(), tap.port(), "tap on " + tap.switchName(),
                p -> new TapPort(tap.switchName(), p).interfaceName());
        taps.add(new TapPort(tap.switchName(), port));
        return this;
    }

    /** A tunnel port ({@link Tunnel#vxlan}, {@link Tunnel#gre}); port 0 means the switch's next free port. */
    public TopologyBuilder addTunnel(Tunnel tunnel) {
        int port = switchPort(tunnel.switchName(), tunnel.port(), "tunnel on " + tunnel.switchName(),
                p -> tunnel.withPort(p).interfaceName());
        tunnels.add(tunnel.withPort(port));
        return this;
    }

    /**
     * Egress queues on a switch port of a link added before. The link must not be shaped ({@link LinkParams}):
     * its shaping and the queues would both be the port's root qdisc.
     */
    public TopologyBuilder addQos(PortQos portQos) {
        String label = portQos.label();
        String sw = portQos.switchName();
        if (!switches.containsKey(sw)) {
            throw new TopologyException(sw, label + ": " + sw + " is not a switch of this topology; add it first");
        }
        Link link = links.stream().filter(l -> l.touches(sw) && l.portOf(sw) == portQos.port()).findFirst().orElseThrow(() -> new TopologyException(sw, label + ": "
                + sw + " has no link on port " + portQos.port() + "; queues go on a switch port of a link, added first"));
        if (!link.params().isNone()) {
            throw new TopologyException(sw, label + ": its link " + link.label() + " is shaped (params), which puts "
                    + "its own qdisc on the same port; limit it with the link's bw or with queues, not both");
        }
        if (qos.stream().anyMatch(q -> q.switchName().equals(sw) && q.port() == portQos.port())) {
            throw new TopologyException(sw, label + " is given twice: give all of the port's queues in one entry");
        }
        qos.add(portQos);
        return this;
    }

    /** The device name of the tunnel added last (file errors find its line by it). */
    String lastTunnelName() {
        return tunnels.isEmpty() ? null : tunnels.get(tunnels.size() - 1).interfaceName();
    }

    /** Gives every host a hostname, an /etc/hosts listing all hosts, and optionally a resolv.conf. */
    public TopologyBuilder identity(Identity hostIdentity) {
        this.identity = hostIdentity;
        return this;
    }

    /** A link; a null port means the node's next free one. */
    TopologyBuilder addLink(String a, Integer portA, String b, Integer portB, LinkParams params) {
        return addLink(a, portA, b, portB, params, null, null);
    }

    /** A link with VLAN settings per end; a null port means the node's next free one. */
    TopologyBuilder addLink(String a, Integer portA, String b, Integer portB, LinkParams params, PortVlan vlanA,
                            PortVlan vlanB) {
        String label = Link.label(a, b);
        requireNode(a, label);
        requireNode(b, label);
        if (a.equals(b)) {
            throw new TopologyException(label, "link " + label + ": a node cannot be linked to itself");
        }
        for (String end : List.of(a, b)) {
            if ((end.equals(a) ? vlanA : vlanB) != null && !switches.containsKey(end)) {
                throw new TopologyException(label, "link " + label + ": " + end + " is a host, and VLAN settings are "
                        + "for switch ports; give the host tagged sub-interfaces with its 'vlans' instead");
            }
        }
        int pa = portA == null ? ports.next(a) : checkPort(a, portA, label, "link " + label);
        int pb = portB == null ? ports.next(b) : checkPort(b, portB, label, "link " + label);
        Link link = new Link(a, pa, b, pb, params, vlanA, vlanB);
        for (String ifname : List.of(link.interfaceA(), link.interfaceB())) {
            if (ifname.length() > Topology.MAX_INTERFACE_NAME) {
                throw new TopologyException(label, "link " + label + ": interface name " + ifname + " is "
                        + ifname.length() + " characters; Linux allows " + Topology.MAX_INTERFACE_NAME
                        + ": use shorter node names");
            }
        }
        ports.take(a, pa);
        ports.take(b, pb);
        links.add(link);
        return this;
    }

    /** The finished, validated topology. The builder can be built again after more additions. */
    public Topology build() {
        List<Switch> built = Dpids.assign(switches);
        List<Host> withMacs = new ArrayList<>(hosts);
        for (int i = 0; macsFromNumbers && i < withMacs.size(); i++) {
            Host h = withMacs.get(i);
            if (h.mac() == null) {
                withMacs.set(i, h.withMac(macFor(i + 1)));
            }
        }
        Topology t = new Topology(withMacs, built, links, taps, tunnels, qos, identity);
        TopologyValidator.validate(t);
        return t;
    }

    /** Mininet's default address of the n-th host: 10.0.0.n/8, carrying into higher octets past 255. */
    static String defaultIp(int n) {
        if (n > MAX_DEFAULT_HOSTS) {
            throw new TopologyException("more than " + MAX_DEFAULT_HOSTS
                    + " hosts do not fit the default 10.0.0.0/8 addressing; give the hosts addresses");
        }
        return "10." + ((n >> 16) & 0xff) + "." + ((n >> 8) & 0xff) + "." + (n & 0xff) + "/8";
    }

    /** MAC derived from a number, as Mininet's {@code --mac}: 1 -> 00:00:00:00:00:01. */
    static String macFor(long n) {
        return String.format("%02x:%02x:%02x:%02x:%02x:%02x",
                (n >> 40) & 0xff, (n >> 32) & 0xff, (n >> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
    }

    private PortVlan switchEnd(String node, PortVlan vlan) {
        return switches.containsKey(node) ? vlan : null;
    }

    /** Checks and takes a switch port for a TAP or tunnel ({@code 0}: the next free one); returns the port. */
    private int switchPort(String sw, int port, String label, IntFunction<String> interfaceName) {
        if (!switches.containsKey(sw)) {
            throw new TopologyException(sw, label + ": " + sw + " is not a switch of this topology; add it first");
        }
        int p = port == 0 ? ports.next(sw) : checkPort(sw, port, sw, label);
        String ifname = interfaceName.apply(p);
        if (ifname.length() > Topology.MAX_INTERFACE_NAME) {
            throw new TopologyException(sw, label + ": interface name " + ifname + " is " + ifname.length()
                    + " characters; Linux allows " + Topology.MAX_INTERFACE_NAME + ": use a shorter switch name");
        }
        ports.take(sw, p);
        return p;
    }

    private void claim(String name, boolean isSwitch) {
        if (!ports.addNode(name, isSwitch)) {
            throw new TopologyException(name, "node " + name + " is defined twice: node names must be unique");
        }
    }

    private void requireNode(String name, String label) {
        if (!ports.knows(name)) {
            throw new TopologyException(label, "link " + label + " names " + name
                    + ", which is not a host or switch of this topology; add it first");
        }
    }

    /** @param element what the error is about ({@link TopologyException#element()}); {@code what} starts its message */
    private int checkPort(String node, int port, String element, String what) {
        boolean isSwitch = switches.containsKey(node);
        if (port < (isSwitch ? 1 : 0)) {
            throw new TopologyException(element, what + ": port " + port + " of " + node
                    + " is out of range; " + (isSwitch ? "switch ports start at 1" : "host ports start at 0"));
        }
        if (ports.isUsed(node, port)) {
            throw new TopologyException(element, what + ": port " + port + " of " + node
                    + " is already used by another link; pick a free port or leave it out");
        }
        return port;
    }
}
