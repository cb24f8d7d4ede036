package dev.flowlab.topologies;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Queue;

/**
 * Graph queries over a {@link Topology}, for routing and for tests that predict routes.
 * Hosts are ends, never transit: a path only passes through switches. Ties between equally short
 * paths are broken by port order, so answers are deterministic.
 */
public final class TopologyGraph {
    private final Topology topology;

    TopologyGraph(Topology topology) {
        this.topology = topology;
    }

    /** The nodes linked to {@code node}, in its port order, each once; empty for an unknown node. */
    public List<String> neighbours(String node) {
        LinkedHashSet<String> result = new LinkedHashSet<>();
        topology.linksOf(node).stream()
                .sorted((x, y) -> Integer.compare(x.portOf(node), y.portOf(node)))
                .forEach(l -> result.add(l.other(node)));
        return List.copyOf(result);
    }

    /**
     * A shortest path by hop count from {@code from} to {@code to}, both ends included
     * ({@code [h1, s1, s2, h2]}); empty if either node is unknown or there is no path through switches.
     */
    public List<String> shortestPath(String from, String to) {
        if (topology.node(from).isEmpty() || topology.node(to).isEmpty()) {
            return List.of();
        }
        Map<String, String> cameFrom = new HashMap<>();
        cameFrom.put(from, from);
        Queue<String> queue = new ArrayDeque<>(List.of(from));
        while (!queue.isEmpty()) {
            String node = queue.remove();
            if (node.equals(to)) {
                return walkBack(cameFrom, to);
            }
            if (!node.equals(from) && topology.switchNamed(node).isEmpty()) {
                continue;   // a host ends a path; it does not forward
            }
            for (String next : neighbours(node)) {
                if (cameFrom.putIfAbsent(next, node) == null) {
                    queue.add(next);
                }
            }
        }
        return List.of();
    }

    /** Number of links on a shortest path ({@code h1 -> s1 -> h2} is 2), if there is one. */
    public OptionalInt hops(String from, String to) {
        List<String> path = shortestPath(from, to);
        return path.isEmpty() ? OptionalInt.empty() : OptionalInt.of(path.size() - 1);
    }

    /** The link leaving {@code from} towards its neighbour {@code to} (the lowest port if parallel), if any. */
    public Optional<Link> link(String from, String to) {
        return topology.linksOf(from).stream().filter(l -> l.joins(from, to))
                .min((x, y) -> Integer.compare(x.portOf(from), y.portOf(from)));
    }

    /**
     * True if the switches and the links between them contain a cycle (parallel links count):
     * flooding then loops forever without STP or a controller that knows the topology.
     */
    public boolean hasSwitchLoop() {
        Map<String, String> parent = new HashMap<>();
        topology.switches().forEach(s -> parent.put(s.name(), s.name()));
        for (Link l : topology.links()) {
            if (!parent.containsKey(l.nodeA()) || !parent.containsKey(l.nodeB())) {
                continue;
            }
            String ra = root(parent, l.nodeA());
            String rb = root(parent, l.nodeB());
            if (ra.equals(rb)) {
                return true;
            }
            parent.put(ra, rb);
        }
        return false;
    }

    private static String root(Map<String, String> parent, String node) {
        String r = node;
        while (!parent.get(r).equals(r)) {
            r = parent.get(r);
        }
        parent.put(node, r);
        return r;
    }

    private static List<String> walkBack(Map<String, String> cameFrom, String to) {
        List<String> path = new ArrayList<>();
        for (String n = to; ; n = cameFrom.get(n)) {
            path.add(n);
            if (cameFrom.get(n).equals(n)) {
                break;
            }
        }
        Collections.reverse(path);
        return List.copyOf(path);
    }
}
