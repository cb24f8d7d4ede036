package dev.flowlab.lab.experiment;

import dev.flowlab.controller.Controller;
import dev.flowlab.lab.ControllerChoice;
import dev.flowlab.lab.Lab;
import java.time.Duration;
import java.util.List;
import org.projectfloodlight.openflow.types.DatapathId;

/** The fail-mode experiment's outage: the embedded controller closes its listener and connections, then listens again. */
final class ControllerStop implements Outage {
    @Override
    public ControllerChoice controller() {
        return ControllerChoice.EMBEDDED;
    }

    @Override
    public String stop(Lab lab) {
        controller(lab).stopListening();
        return "controller stopped";
    }

    @Override
    public void start(Lab lab) {
        controller(lab).startListening();
    }

    @Override
    public boolean awaitSwitches(Lab lab, Duration timeout) {
        List<DatapathId> dpids = lab.topology().switches().stream().map(s -> DatapathId.of(s.dpid())).toList();
        return controller(lab).awaitSwitches(dpids, timeout);
    }

    private static Controller controller(Lab lab) {
        return lab.embeddedController().orElseThrow();
    }
}
