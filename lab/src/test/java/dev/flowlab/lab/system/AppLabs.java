package dev.flowlab.lab.system;

import dev.flowlab.controller.RestConfig;
import dev.flowlab.dataplane.FailMode;
import dev.flowlab.lab.ControllerChoice;
import dev.flowlab.lab.Lab;
import dev.flowlab.lab.LabSpec;
import dev.flowlab.lab.Progress;
import dev.flowlab.topologies.Topology;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Labs as the apps' system tests want them: the embedded controller, REST on a free port, secure bridges. */
final class AppLabs {
    private AppLabs() {
    }

    /** Started and ready (every switch with every port, every link discovered), or it throws. */
    static Lab start(Topology topology, String prefix, List<String> apps, Map<String, Path> appConfigs) {
        return Lab.start(new LabSpec(topology, apps, ControllerChoice.EMBEDDED, FailMode.SECURE, prefix,
                RestConfig.on("127.0.0.1", 0), appConfigs), Progress.SILENT);
    }

    static Lab start(Topology topology, String prefix, String... apps) {
        return start(topology, prefix, List.of(apps), Map.of());
    }

    /** A switch's flow table as {@code ovs-ofctl dump-flows} prints it (switch name without the prefix). */
    static String flows(Lab lab, String switchName) {
        return String.join("\n", lab.network().bridge(switchName).flows());
    }
}
