package dev.flowlab.topologies;

import java.util.Comparator;
import java.util.List;

/** What the shape tests ask of a topology: its switch-to-switch links and a node's neighbours. */
final class Shape {
    private Shape() {
    }

    /**
     * Links with a switch at both ends. The generators' switches are connected, so fewer than the
     * switches is a tree (flooding ends) and as many or more is a loop.
     */
    static long switchLinks(Topology t) {
        return t.links().stream()
                .filter(l -> t.switchNamed(l.nodeA()).isPresent() && t.switchNamed(l.nodeB()).isPresent())
                .count();
    }

    /** The nodes linked to {@code node}, in its port order. */
    static List<String> neighbours(Topology t, String node) {
        return t.linksOf(node).stream().sorted(Comparator.comparingInt(l -> l.portOf(node)))
                .map(l -> l.other(node)).toList();
    }

    /** The link between two neighbours (the first added, if parallel). */
    static Link link(Topology t, String a, String b) {
        return t.linksOf(a).stream().filter(l -> l.joins(a, b)).findFirst().orElseThrow();
    }
}
