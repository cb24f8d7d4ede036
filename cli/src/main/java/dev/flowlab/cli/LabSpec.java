package dev.flowlab.cli;

import dev.flowlab.controller.RestConfig;
import dev.flowlab.topologies.Topology;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What to build: the network, the apps of the embedded controller, where the controller is, the
 * bridges' fail-mode, and a prefix for every name created on the machine (so runs can coexist).
 *
 * @param standalone true for OVS fail_mode=standalone, false for secure
 * @param rest       the embedded controller's REST API (off unless asked for)
 * @param appConfigs config file of each app of the embedded controller that has one
 */
public record LabSpec(Topology topology, List<String> apps, ControllerChoice controller, boolean standalone,
                      String prefix, RestConfig rest, Map<String, Path> appConfigs) {
    public LabSpec {
        apps = List.copyOf(apps);
        prefix = prefix == null ? "" : prefix;
        rest = rest == null ? RestConfig.off() : rest;
        appConfigs = appConfigs == null ? Map.of() : Map.copyOf(appConfigs);
    }

    /** No REST API, no app config files. */
    public LabSpec(Topology topology, List<String> apps, ControllerChoice controller, boolean standalone, String prefix) {
        this(topology, apps, controller, standalone, prefix, RestConfig.off(), Map.of());
    }
}
