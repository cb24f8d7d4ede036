package dev.flowlab.topologies;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Port numbers in use per node, and Mininet's rule for the next one: ports in use plus the base
 * (hosts 0, switches 1), moving past any taken explicitly. Shared by the builder and the file writer,
 * so a written file leaves out exactly the ports the reader would number the same way.
 */
final class Ports {
    private final Map<String, Set<Integer>> used = new HashMap<>();

    /** @return false if the node is known already */
    boolean addNode(String node, boolean isSwitch) {
        if (used.containsKey(node)) {
            return false;
        }
        Set<Integer> ports = new HashSet<>();
        if (isSwitch) {
            ports.add(0);   // OpenFlow has no port 0: this placeholder makes switches count from 1
        }
        used.put(node, ports);
        return true;
    }

    boolean knows(String node) {
        return used.containsKey(node);
    }

    boolean isUsed(String node, int port) {
        return used.get(node).contains(port);
    }

    int next(String node) {
        Set<Integer> ports = used.get(node);
        int port = ports.size();
        while (ports.contains(port)) {
            port++;
        }
        return port;
    }

    void take(String node, int port) {
        used.get(node).add(port);
    }
}
