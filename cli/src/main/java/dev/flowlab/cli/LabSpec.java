package dev.flowlab.cli;

import dev.flowlab.topologies.Topology;
import java.util.List;

/**
 * What to build: the network, the apps of the embedded controller, where the controller is, the
 * bridges' fail-mode, and a prefix for every name created on the machine (so runs can coexist).
 *
 * @param standalone true for OVS fail_mode=standalone, false for secure
 */
public record LabSpec(Topology topology, List<String> apps, ControllerChoice controller, boolean standalone,
                      String prefix) {
    public LabSpec {
        apps = List.copyOf(apps);
        prefix = prefix == null ? "" : prefix;
    }
}
