package dev.flowlab.apps.routing;

import dev.flowlab.controller.api.Flows;
import dev.flowlab.controller.api.Groups;
import dev.flowlab.controller.api.Link;
import dev.flowlab.controller.api.Path;
import dev.flowlab.controller.api.SwitchPort;
import dev.flowlab.controller.api.TopologyService;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.function.Function;
import org.projectfloodlight.openflow.protocol.OFBucket;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFGroupType;
import org.projectfloodlight.openflow.types.DatapathId;

/**
 * Every shortest path between two hosts at once: each switch that lies on one forwards the pair's
 * frames to all of its next hops that are one hop nearer the destination, through a select group
 * when there are several (the switch picks one per flow, by a hash of its headers). In a fat-tree
 * that spreads the pairs over the aggregation and core switches. Distance only ever shrinks along
 * these entries, so they cannot loop, and they need not match the in-port.
 */
final class EqualCostPlan {

    /** The entries of the pair, nearest the destination first, and the cables they use. */
    record Plan(List<HopEntry> entries, Set<Link> cables) {
    }

    private EqualCostPlan() {
    }

    static Plan entries(SwitchPort from, SwitchPort to, TopologyService topology, Function<DatapathId, OFFactory> factories) {
        Map<DatapathId, Integer> distance = new HashMap<>();
        Map<DatapathId, List<Link>> next = new HashMap<>();
        Set<Link> cables = new LinkedHashSet<>();
        Queue<DatapathId> queue = new ArrayDeque<>(List.of(from.dpid()));
        Set<DatapathId> seen = new HashSet<>(queue);
        while (!queue.isEmpty()) {
            DatapathId at = queue.remove();
            int d = distance(topology, distance, at, to.dpid());
            List<Link> nearer = new ArrayList<>();
            if (d > 0) {
                for (Link l : topology.links()) {
                    if (l.srcDpid().equals(at) && distance(topology, distance, l.dstDpid(), to.dpid()) == d - 1) {
                        nearer.add(l);
                    }
                }
            }
            nearer.sort(Comparator.comparing(Link::srcPort));
            next.put(at, nearer);
            for (Link l : nearer) {
                cables.add(l);
                if (seen.add(l.dstDpid())) {
                    queue.add(l.dstDpid());
                }
            }
        }
        List<HopEntry> entries = new ArrayList<>();
        next.keySet().stream().sorted(Comparator.comparing((DatapathId s) -> distance.get(s)).thenComparing(s -> s))
                .forEach(s -> entries.add(new HopEntry(s, null, PathFlows.PRIORITY, nextOf(s, next.get(s), to, factories.apply(s)))));
        return new Plan(entries, cables);
    }

    private static HopEntry.Next nextOf(DatapathId at, List<Link> nearer, SwitchPort to, OFFactory of) {
        if (nearer.isEmpty()) {
            return new HopEntry.Output(to.port());   // at the destination switch
        }
        if (nearer.size() == 1) {
            return new HopEntry.Output(nearer.get(0).srcPort());
        }
        List<OFBucket> buckets = nearer.stream().map(l -> Groups.weighted(of, 1, Flows.output(of, l.srcPort()))).toList();
        return new HopEntry.Group(OFGroupType.SELECT, buckets);
    }

    /** Hops from {@code at} to {@code dst}; a switch that cannot reach it counts as infinitely far. */
    private static int distance(TopologyService topology, Map<DatapathId, Integer> known, DatapathId at, DatapathId dst) {
        return known.computeIfAbsent(at, s -> topology.shortestPath(s, dst).map(Path::hops).orElse(Integer.MAX_VALUE / 2));
    }
}
