package dev.flowlab.topologies;

/**
 * The k-ary fat tree generator. Switches are numbered layer by layer so a dpid tells the layer:
 * core {@code s1..s(k/2)^2}, then aggregation, then edge, each pod by pod (k=4: core s1-s4,
 * aggregation s5-s12, edge s13-s20). Hosts {@code h1..} hang off the edge switches in order.
 * Ports are "down first": an edge switch has its hosts on 1..k/2 and its aggregation uplinks on
 * k/2+1..k; an aggregation switch has its pod's edge switches on 1..k/2 and its core uplinks on
 * k/2+1..k; core switch ports 1..k face pods 1..k. Aggregation switch j of a pod (from 0) links to
 * core switches j*k/2+1 .. (j+1)*k/2.
 */
final class FatTree {
    private FatTree() {
    }

    static Topology build(int k) {
        int half = k / 2;
        int cores = half * half;
        TopologyBuilder b = Topology.builder();
        for (int c = 1; c <= cores; c++) {
            b.addSwitch("s" + c);
        }
        for (int i = 1; i <= 2 * k * half; i++) {    // k pods * (half aggregation + half edge)
            b.addSwitch("s" + (cores + i));
        }
        int host = 1;
        for (int pod = 0; pod < k; pod++) {
            for (int e = 0; e < half; e++) {
                for (int h = 0; h < half; h++, host++) {
                    b.addHost("h" + host).addLink("h" + host, edge(k, pod, e));
                }
            }
        }
        for (int pod = 0; pod < k; pod++) {
            for (int a = 0; a < half; a++) {
                for (int e = 0; e < half; e++) {
                    b.addLink(aggregation(k, pod, a), edge(k, pod, e));
                }
            }
        }
        for (int pod = 0; pod < k; pod++) {
            for (int a = 0; a < half; a++) {
                for (int c = 0; c < half; c++) {
                    b.addLink(aggregation(k, pod, a), "s" + (a * half + c + 1));
                }
            }
        }
        return b.build();
    }

    /** Aggregation switch a (from 0) of a pod (from 0). */
    static String aggregation(int k, int pod, int a) {
        int half = k / 2;
        return "s" + (half * half + pod * half + a + 1);
    }

    /** Edge switch e (from 0) of a pod (from 0). */
    static String edge(int k, int pod, int e) {
        int half = k / 2;
        return "s" + (half * half + k * half + pod * half + e + 1);
    }
}
