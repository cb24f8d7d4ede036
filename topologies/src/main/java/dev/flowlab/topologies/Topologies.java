package dev.flowlab.topologies;

/**
 * Generators with Mininet's names and meanings ({@code mn --topo ...}), plus ring, fat tree and mesh.
 * As in Mininet, hosts are {@code hN} with 10.0.0.N/8 in host order, switches {@code sN} with dpid N,
 * and ports are numbered in link order (hosts from 0, switches from 1). MACs are left to the kernel;
 * call {@link Topology#withDeterministicMacs()} for Mininet's {@code --mac}.
 * Generators refuse more than {@value #MAX_NODES} nodes (a mesh more than {@value #MAX_MESH} switches),
 * far beyond what one machine can emulate.
 */
public final class Topologies {
    /** Upper bound on hosts plus switches, so a typo like {@code fat-tree,400} fails instead of filling memory. */
    public static final int MAX_NODES = 100_000;
    /** Upper bound on a full mesh's switches: 300 already make 44,850 links. */
    public static final int MAX_MESH = 300;

    private Topologies() {
    }

    /** Mininet's default: one switch {@code s1} with hosts {@code h1} and {@code h2}. */
    public static Topology minimal() {
        return single(2);
    }

    /** One switch {@code s1}; host {@code hi} on port i (Mininet {@code single,k}). */
    public static Topology single(int hosts) {
        atLeast("single", "hosts", hosts, 1);
        limit(hosts + 1.0);
        TopologyBuilder b = Topology.builder().addSwitch("s1");
        for (int i = 1; i <= hosts; i++) {
            b.addHost("h" + i).addLink("h" + i, "s1");
        }
        return b.build();
    }

    /** Like {@link #single} but with reversed port numbers: host {@code hi} on port {@code hosts - i + 1} (Mininet {@code reversed,k}). */
    public static Topology reversed(int hosts) {
        atLeast("reversed", "hosts", hosts, 1);
        limit(hosts + 1.0);
        TopologyBuilder b = Topology.builder().addSwitch("s1");
        for (int i = 1; i <= hosts; i++) {
            b.addHost("h" + i).addLink(new Link("h" + i, 0, "s1", hosts - i + 1, LinkParams.NONE));
        }
        return b.build();
    }

    /** A chain {@code s1 - s2 - ... - sN}, one host {@code hi} per switch (Mininet {@code linear,n}). */
    public static Topology linear(int switches) {
        return linear(switches, 1);
    }

    /**
     * A chain of switches with {@code hostsPerSwitch} hosts on each (Mininet {@code linear,n,k}). Each switch
     * gets its hosts on ports 1..k, then its link to the previous switch, then the one to the next.
     * With more than one host per switch the hosts keep Mininet's names {@code h<j>s<i>} (j-th host of
     * switch i) and addresses: hosts are numbered in Mininet's natural name order ({@code h1s1, h1s2, ...,
     * h2s1, ...}), so h{j}s{i} is 10.0.0.((j-1)*switches + i). These names fit the 15-character interface
     * limit up to 9,999 switches and 9,999 hosts per switch ({@code h9999s9999-eth0}).
     */
    public static Topology linear(int switches, int hostsPerSwitch) {
        atLeast("linear", "switches", switches, 1);
        atLeast("linear", "hosts per switch", hostsPerSwitch, 1);
        limit((double) switches * (hostsPerSwitch + 1.0));
        TopologyBuilder b = Topology.builder();
        for (int j = 1; j <= hostsPerSwitch; j++) {
            for (int i = 1; i <= switches; i++) {
                b.addHost(linearHost(i, j, hostsPerSwitch));
            }
        }
        for (int i = 1; i <= switches; i++) {
            b.addSwitch("s" + i);
            for (int j = 1; j <= hostsPerSwitch; j++) {
                b.addLink(linearHost(i, j, hostsPerSwitch), "s" + i);
            }
            if (i > 1) {
                b.addLink("s" + i, "s" + (i - 1));
            }
        }
        return b.build();
    }

    private static String linearHost(int switchNo, int hostNo, int hostsPerSwitch) {
        return hostsPerSwitch == 1 ? "h" + switchNo : "h" + hostNo + "s" + switchNo;
    }

    /**
     * A tree of switches {@code depth} levels deep, each with {@code fanout} children; hosts are the leaves
     * (Mininet {@code tree,depth,fanout}). As in Mininet, switches are numbered depth first in pre-order
     * ({@code s1} is the root) and hosts left to right; a switch's children are on ports 1..fanout and its
     * parent on port fanout+1.
     */
    public static Topology tree(int depth, int fanout) {
        atLeast("tree", "depth", depth, 1);
        atLeast("tree", "fanout", fanout, 1);
        double nodes = 0;
        for (int d = 0; d <= depth && nodes <= MAX_NODES; d++) {
            nodes += Math.pow(fanout, d);
        }
        limit(nodes);
        return new TreeBuilder().build(depth, fanout);
    }

    /**
     * A 2-D torus of {@code x * y} switches, one host each (Mininet {@code torus,x,y}).
     * <b>Has loops</b>: flooding needs STP or a controller that knows the topology.
     */
    public static Topology torus(int x, int y) {
        return torus(x, y, 1);
    }

    /**
     * A 2-D torus with {@code hostsPerSwitch} hosts on each switch (Mininet {@code torus,x,y,n}).
     * Switch at column i, row j (from 1) is {@code s<i>x<j>} with dpid {@code i * 256 + j}; its hosts are
     * {@code h<i>x<j>}, or {@code h<i>x<j>x<k>} with several per switch. Each switch links to its
     * neighbour in j, then in i, wrapping around. <b>Has loops</b>: flooding needs STP or a controller
     * that knows the topology.
     */
    public static Topology torus(int x, int y, int hostsPerSwitch) {
        if (x < 3 || y < 3 || x > 255 || y > 255) {
            throw new TopologyException("torus: x and y must be between 3 and 255 (Mininet's minimum is 3x3), not "
                    + x + "x" + y);
        }
        atLeast("torus", "hosts per switch", hostsPerSwitch, 1);
        limit((double) x * y * (hostsPerSwitch + 1.0));
        TopologyBuilder b = Topology.builder();
        for (int i = 1; i <= x; i++) {
            for (int j = 1; j <= y; j++) {
                String sw = "s" + i + "x" + j;
                b.addSwitch(sw, i * 256L + j);
                for (int k = 1; k <= hostsPerSwitch; k++) {
                    String host = hostsPerSwitch == 1 ? "h" + i + "x" + j : "h" + i + "x" + j + "x" + k;
                    b.addHost(host).addLink(host, sw);
                }
            }
        }
        for (int i = 1; i <= x; i++) {
            for (int j = 1; j <= y; j++) {
                b.addLink("s" + i + "x" + j, "s" + i + "x" + (j % y + 1));
                b.addLink("s" + i + "x" + j, "s" + (i % x + 1) + "x" + j);
            }
        }
        return b.build();
    }

    /**
     * Switches {@code s1..sN} in a cycle, host {@code hi} on port 1 of {@code si}; then links
     * {@code s1-s2, s2-s3, ..., sN-s1} in that order. <b>Has a loop</b>: flooding needs STP or a
     * controller that knows the topology.
     */
    public static Topology ring(int switches) {
        atLeast("ring", "switches", switches, 3);
        limit(2.0 * switches);
        TopologyBuilder b = Topology.builder();
        for (int i = 1; i <= switches; i++) {
            b.addSwitch("s" + i).addHost("h" + i).addLink("h" + i, "s" + i);
        }
        for (int i = 1; i <= switches; i++) {
            b.addLink("s" + i, "s" + (i % switches + 1));
        }
        return b.build();
    }

    /**
     * Every pair of switches {@code s1..sN} linked, host {@code hi} on port 1 of {@code si}. Switch links
     * are added pair by pair ({@code s1-s2, s1-s3, ..., s2-s3, ...}), so {@code si} reaches {@code sj} on
     * port {@code j + 1} if j &lt; i, else port {@code j}. <b>Has loops</b> from 3 switches on.
     */
    public static Topology mesh(int switches) {
        atLeast("mesh", "switches", switches, 1);
        if (switches > MAX_MESH) {
            throw new TopologyException("mesh: at most " + MAX_MESH + " switches (a full mesh has n(n-1)/2 links), not "
                    + switches);
        }
        TopologyBuilder b = Topology.builder();
        for (int i = 1; i <= switches; i++) {
            b.addSwitch("s" + i).addHost("h" + i).addLink("h" + i, "s" + i);
        }
        for (int i = 1; i <= switches; i++) {
            for (int j = i + 1; j <= switches; j++) {
                b.addLink("s" + i, "s" + j);
            }
        }
        return b.build();
    }

    /**
     * A k-ary fat tree (Al-Fares et al.): {@code k} pods, each with k/2 aggregation and k/2 edge switches,
     * (k/2)^2 core switches and k^3/4 hosts. See {@link FatTree} for names and ports.
     * <b>Has loops</b> for k &ge; 4: flooding needs STP or a controller that knows the topology.
     */
    public static Topology fatTree(int k) {
        if (k < 2 || k % 2 != 0) {
            throw new TopologyException("fat-tree: k must be an even number >= 2, not " + k);
        }
        limit(Math.pow(k, 3) / 4 + 1.25 * k * k);
        return FatTree.build(k);
    }

    static void atLeast(String topology, String what, int value, int min) {
        if (value < min) {
            throw new TopologyException(topology + ": " + what + " must be at least " + min + ", not " + value);
        }
    }

    private static void limit(double nodes) {
        if (nodes > MAX_NODES) {
            throw new TopologyException("that topology would have " + (nodes > 1e9 ? "over a billion" : (long) nodes)
                    + " nodes; at most " + MAX_NODES + " are allowed");
        }
    }

    /** Mininet's TreeTopo recursion: a switch, then each child subtree, each linked after it is built. */
    private static final class TreeBuilder {
        private final TopologyBuilder b = Topology.builder();
        private int hostNo = 1;
        private int switchNo = 1;

        Topology build(int depth, int fanout) {
            addTree(depth, fanout);
            return b.build();
        }

        private String addTree(int depth, int fanout) {
            if (depth == 0) {
                String host = "h" + hostNo++;
                b.addHost(host);
                return host;
            }
            String sw = "s" + switchNo++;
            b.addSwitch(sw);
            for (int c = 0; c < fanout; c++) {
                b.addLink(sw, addTree(depth - 1, fanout));
            }
            return sw;
        }
    }
}
