package dev.flowlab.topologies;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a {@link Topology} the way Mininet's {@code Topo} does: add nodes, then links; ports are
 * numbered in link order. Defaults follow Mininet: {@code hN} gets 10.0.0.N/8, {@code sN} gets dpid N.
 */
public final class TopologyBuilder {
    private static final Pattern TRAILING_NUMBER = Pattern.compile("(\\d+)$");

    private final List<Host> hosts = new ArrayList<>();
    private final List<Switch> switches = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private final Map<String, Integer> nextPort = new HashMap<>();
    private boolean macsFromNumbers;

    TopologyBuilder() {
    }

    /** Give hosts without an explicit MAC one derived from their number ({@code h1 -> 00:00:00:00:00:01}). */
    public TopologyBuilder deterministicMacs() {
        this.macsFromNumbers = true;
        return this;
    }

    /** A host with Mininet's default address: the n-th host added gets 10.0.0.n/8. */
    public TopologyBuilder addHost(String name) {
        return addHost(name, defaultIp(hosts.size() + 1));
    }

    public TopologyBuilder addHost(String name, String ipWithPrefix) {
        return addHost(new Host(name, ipWithPrefix, null, null));
    }

    public TopologyBuilder addHost(Host host) {
        claim(host.name());
        hosts.add(host);
        nextPort.put(host.name(), 0);
        return this;
    }

    /** A switch whose dpid is the number at the end of its name ({@code s12 -> 12}), else its position. */
    public TopologyBuilder addSwitch(String name) {
        return addSwitch(new Switch(name, numberIn(name).orElse(switches.size() + 1)));
    }

    public TopologyBuilder addSwitch(Switch sw) {
        claim(sw.name());
        switches.add(sw);
        nextPort.put(sw.name(), 1);
        return this;
    }

    public TopologyBuilder addLink(String a, String b) {
        return addLink(a, b, LinkParams.NONE);
    }

    public TopologyBuilder addLink(String a, String b, LinkParams params) {
        requireNode(a, a + " <-> " + b);
        requireNode(b, a + " <-> " + b);
        if (a.equals(b)) {
            throw new TopologyException("link " + a + " <-> " + b + ": a node cannot be linked to itself");
        }
        links.add(new Link(a, takePort(a), b, takePort(b), params));
        return this;
    }

    public Topology build() {
        hosts.replaceAll(this::withDefaultMac);
        Topology t = new Topology(hosts, switches, links);
        TopologyValidator.validate(t);
        return t;
    }

    static String defaultIp(int n) {
        return "10." + ((n >> 16) & 0xff) + "." + ((n >> 8) & 0xff) + "." + (n & 0xff) + "/8";
    }

    static String macFor(long n) {
        return String.format("%02x:%02x:%02x:%02x:%02x:%02x",
                (n >> 40) & 0xff, (n >> 32) & 0xff, (n >> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
    }

    private Host withDefaultMac(Host h) {
        if (!macsFromNumbers || h.mac() != null) {
            return h;
        }
        long n = numberIn(h.name()).orElse(hosts.indexOf(h) + 1);
        return new Host(h.name(), h.ip(), macFor(n), h.gateway());
    }

    private static java.util.OptionalLong numberIn(String name) {
        Matcher m = TRAILING_NUMBER.matcher(name);
        return m.find() && m.group(1).length() <= 15
                ? java.util.OptionalLong.of(Long.parseLong(m.group(1))) : java.util.OptionalLong.empty();
    }

    private void claim(String name) {
        if (name == null || name.isBlank()) {
            throw new TopologyException("a node needs a name");
        }
        if (!names.add(name)) {
            throw new TopologyException("node " + name + " is defined twice: node names must be unique");
        }
    }

    private void requireNode(String name, String link) {
        if (!names.contains(name)) {
            throw new TopologyException("link " + link + " names " + name + ", which is not a host or switch of this topology");
        }
    }

    private int takePort(String node) {
        return nextPort.merge(node, 1, Integer::sum) - 1;
    }
}
