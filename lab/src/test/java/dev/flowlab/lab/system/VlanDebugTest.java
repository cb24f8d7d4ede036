package dev.flowlab.lab.system;

import dev.flowlab.controller.RestConfig;
import dev.flowlab.dataplane.FailMode;
import dev.flowlab.lab.ControllerChoice;
import dev.flowlab.lab.Lab;
import dev.flowlab.lab.LabSpec;
import dev.flowlab.lab.Progress;
import dev.flowlab.topologies.TopologyFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VlanDebugTest {
    @Test
    void debug() throws Exception {
        String file = System.getProperty("topo", "vlans.yaml");
        String apps = System.getProperty("apps", "learning-switch");
        var spec = new LabSpec(TopologyFiles.read(Path.of("../topologies/examples").resolve(file)), List.of(apps.split(",")),
                ControllerChoice.EMBEDDED, FailMode.SECURE, "vd", RestConfig.off(), Map.of());
        try (Lab lab = Lab.start(spec, Progress.SILENT)) {
            System.out.println("PING " + lab.network().pingAll().outcomes());
            for (String s : lab.switchNames()) {
                System.out.println("FLOWS " + s + "\n" + String.join("\n", lab.network().bridge(s).flows()));
            }
            String cmd = System.getProperty("cmd");
            if (cmd != null) {
                System.out.println("CMD " + SystemTests.sh("sh", "-c", cmd));
            }
        }
    }
}
