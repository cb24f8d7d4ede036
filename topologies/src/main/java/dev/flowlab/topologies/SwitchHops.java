package dev.flowlab.topologies;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The most switches a packet crosses between two hosts of a topology (the switch graph's diameter, plus one).
 * On the userspace datapath each switch hop costs one pass of ovs-vswitchd's main loop, and each pass polls
 * every port of the machine, so across long chains the first packets take too long for ARP and ping.
 */
public final class SwitchHops {
    private SwitchHops() {
    }

    /** Switches on the longest shortest path between two switches; 0 without switches. */
    public static int longest(Topology topology) {
        Map<String, List<String>> next = new HashMap<>();
        topology.switches().forEach(s -> next.put(s.name(), new java.util.ArrayList<>()));
        for (Link link : topology.links()) {
            if (next.containsKey(link.nodeA()) && next.containsKey(link.nodeB())) {
                next.get(link.nodeA()).add(link.nodeB());
                next.get(link.nodeB()).add(link.nodeA());
            }
        }
        int longest = 0;
        for (String from : next.keySet()) {
            longest = Math.max(longest, farthest(from, next));
        }
        return longest;
    }

    /** Switches on the path to the switch farthest from {@code from} (breadth-first). */
    private static int farthest(String from, Map<String, List<String>> next) {
        Map<String, Integer> depth = new HashMap<>(Map.of(from, 1));
        ArrayDeque<String> queue = new ArrayDeque<>(List.of(from));
        int max = 1;
        while (!queue.isEmpty()) {
            String s = queue.poll();
            for (String n : next.get(s)) {
                if (depth.putIfAbsent(n, depth.get(s) + 1) == null) {
                    max = Math.max(max, depth.get(n));
                    queue.add(n);
                }
            }
        }
        return max;
    }
}
