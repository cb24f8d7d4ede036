package dev.flowlab.dataplane;

import dev.flowlab.topologies.Topology;
import dev.flowlab.topologies.TopologyBuilder;

/** Mininet's single, linear and tree topologies, built with the topology builder. */
final class TestTopologies {
    private TestTopologies() {
    }

    /** One switch s1 with hosts h1..hN. */
    static Topology single(int n) {
        TopologyBuilder b = Topology.builder().addSwitch("s1");
        for (int i = 1; i <= n; i++) {
            b.addHost("h" + i).addLink("h" + i, "s1");
        }
        return b.build();
    }

    /** Switches s1..sN in a line, host hI on switch sI. */
    static Topology linear(int n) {
        TopologyBuilder b = Topology.builder();
        for (int i = 1; i <= n; i++) {
            b.addSwitch("s" + i).addHost("h" + i).addLink("h" + i, "s" + i);
            if (i > 1) {
                b.addLink("s" + (i - 1), "s" + i);
            }
        }
        return b.build();
    }

    /** A tree of switches of the given depth and fanout, hosts at the leaves (Mininet's TreeTopo). */
    static Topology tree(int depth, int fanout) {
        TopologyBuilder b = Topology.builder();
        int[] counters = {0, 0};
        addTree(b, depth, fanout, counters);
        return b.build();
    }

    private static String addTree(TopologyBuilder b, int depth, int fanout, int[] counters) {
        if (depth == 0) {
            String h = "h" + (++counters[0]);
            b.addHost(h);
            return h;
        }
        String s = "s" + (++counters[1]);
        b.addSwitch(s);
        for (int i = 0; i < fanout; i++) {
            b.addLink(s, addTree(b, depth - 1, fanout, counters));
        }
        return s;
    }
}
