package dev.flowlab.controller.topology;

import dev.flowlab.controller.api.Link;
import dev.flowlab.controller.api.Path;
import dev.flowlab.controller.api.SwitchPort;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.projectfloodlight.openflow.types.DatapathId;

/**
 * An immutable snapshot of switches and the directed links between them, with the queries routing
 * needs: shortest paths (Dijkstra; hop count by default), a spanning tree for broadcasts, and which
 * ports join switches. A new snapshot is made on every topology change, so queries need no lock.
 * Neighbours are visited in (datapath id, port) order, so equal-cost ties always break the same way.
 */
final class SwitchGraph {
    static final SwitchGraph EMPTY = new SwitchGraph(Set.of(), Set.of());
    private static final Comparator<Link> BY_FAR_END =
            Comparator.comparing(Link::dstDpid).thenComparing(Link::srcPort).thenComparing(Link::dstPort);

    private final Set<DatapathId> switches;
    private final Set<Link> links;
    private final Map<DatapathId, List<Link>> outgoing = new HashMap<>();
    private final Set<SwitchPort> linkEnds = new HashSet<>();
    private final Set<Link> tree = new HashSet<>();
    private final Set<SwitchPort> treePorts = new HashSet<>();
    private final Map<List<DatapathId>, Optional<Path>> hopPaths = new ConcurrentHashMap<>();

    /** Links with an end on a switch not in {@code switches} are left out. */
    SwitchGraph(Collection<DatapathId> switches, Collection<Link> links) {
        this.switches = Collections.unmodifiableSet(new TreeSet<>(switches));
        this.links = links.stream()
                .filter(l -> this.switches.contains(l.srcDpid()) && this.switches.contains(l.dstDpid()))
                .collect(Collectors.toUnmodifiableSet());
        for (Link l : this.links) {
            outgoing.computeIfAbsent(l.srcDpid(), d -> new ArrayList<>()).add(l);
            linkEnds.add(l.src());
            linkEnds.add(l.dst());
        }
        outgoing.values().forEach(list -> list.sort(BY_FAR_END));
        buildTree();
    }

    Set<DatapathId> switches() {
        return switches;
    }

    Set<Link> links() {
        return links;
    }

    boolean isLinkEnd(SwitchPort port) {
        return linkEnds.contains(port);
    }

    /** Both directions of every cable in the spanning tree. */
    Set<Link> broadcastTree() {
        return Collections.unmodifiableSet(tree);
    }

    boolean isTreePort(SwitchPort port) {
        return treePorts.contains(port);
    }

    /**
     * Fewest hops; answers are cached in this snapshot, since routing asks the same pairs again and again.
     * Only pairs of this graph's switches are: the cache holds at most their square, whatever ids are asked.
     */
    Optional<Path> shortestPath(DatapathId src, DatapathId dst) {
        if (!switches.contains(src) || !switches.contains(dst)) {
            return Optional.empty();
        }
        return hopPaths.computeIfAbsent(List.of(src, dst), k -> shortestPath(src, dst, l -> 1.0));
    }

    /** How many answers {@link #shortestPath(DatapathId, DatapathId)} keeps (for tests). */
    int cachedPaths() {
        return hopPaths.size();
    }

    /** Least total weight (Dijkstra). */
    Optional<Path> shortestPath(DatapathId src, DatapathId dst, ToDoubleFunction<Link> weight) {
        if (!switches.contains(src) || !switches.contains(dst)) {
            return Optional.empty();
        }
        Map<DatapathId, Double> distance = new HashMap<>(Map.of(src, 0.0));
        Map<DatapathId, Link> via = new HashMap<>();
        Set<DatapathId> done = new HashSet<>();
        record Entry(DatapathId dpid, double distance) { }
        PriorityQueue<Entry> queue = new PriorityQueue<>(
                Comparator.comparingDouble(Entry::distance).thenComparing(Entry::dpid));
        queue.add(new Entry(src, 0.0));
        while (!queue.isEmpty()) {
            Entry e = queue.remove();
            if (!done.add(e.dpid())) {
                continue;
            }
            if (e.dpid().equals(dst)) {
                return Optional.of(walkBack(src, dst, via));
            }
            for (Link l : outgoing.getOrDefault(e.dpid(), List.of())) {
                double w = weight.applyAsDouble(l);
                if (!(w > 0) || Double.isInfinite(w)) {
                    throw new IllegalArgumentException("link weight must be positive and finite, got " + w + " for " + l);
                }
                double d = e.distance() + w;
                if (!done.contains(l.dstDpid()) && d < distance.getOrDefault(l.dstDpid(), Double.POSITIVE_INFINITY)) {
                    distance.put(l.dstDpid(), d);
                    via.put(l.dstDpid(), l);
                    queue.add(new Entry(l.dstDpid(), d));
                }
            }
        }
        return Optional.empty();
    }

    private static Path walkBack(DatapathId src, DatapathId dst, Map<DatapathId, Link> via) {
        List<Link> path = new ArrayList<>();
        for (DatapathId at = dst; !at.equals(src); at = path.get(path.size() - 1).srcDpid()) {
            path.add(via.get(at));
        }
        Collections.reverse(path);
        return new Path(src, dst, path);
    }

    /**
     * Breadth-first from the lowest datapath id of each connected part. A cable counts when either
     * direction was seen: its two ports are what a broadcast needs.
     */
    private void buildTree() {
        Map<DatapathId, TreeSet<Link>> cables = new TreeMap<>();
        for (Link l : links) {
            cables.computeIfAbsent(l.srcDpid(), d -> new TreeSet<>(BY_FAR_END)).add(l);
            cables.computeIfAbsent(l.dstDpid(), d -> new TreeSet<>(BY_FAR_END)).add(l.reversed());
        }
        Set<DatapathId> reached = new HashSet<>();
        for (DatapathId root : switches) {
            if (!reached.add(root)) {
                continue;
            }
            Queue<DatapathId> queue = new ArrayDeque<>(List.of(root));
            while (!queue.isEmpty()) {
                DatapathId at = queue.remove();
                for (Link cable : cables.getOrDefault(at, new TreeSet<>(BY_FAR_END))) {
                    if (reached.add(cable.dstDpid())) {
                        tree.add(cable);
                        tree.add(cable.reversed());
                        treePorts.add(cable.src());
                        treePorts.add(cable.dst());
                        queue.add(cable.dstDpid());
                    }
                }
            }
        }
    }
}
