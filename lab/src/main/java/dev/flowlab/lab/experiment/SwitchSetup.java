package dev.flowlab.lab.experiment;

import dev.flowlab.controller.api.Flows;
import dev.flowlab.dataplane.ControllerTuning;
import dev.flowlab.dataplane.OvsBridge;
import dev.flowlab.lab.Lab;
import dev.flowlab.lab.traffic.LabHost;
import java.util.List;

/** The OVS and host settings the experiment changes on a lab it built itself. */
final class SwitchSetup {
    private SwitchSetup() {
    }

    /**
     * Writes inactivity_probe and max_backoff into every bridge's controller record, in one
     * transaction. OVS fails open (standalone) after three probe intervals without its controller.
     */
    static void tuneControllers(Lab lab, Settings settings) {
        lab.network().tuneControllers(new ControllerTuning(settings.inactivityProbe(), settings.maxBackoff()));
    }

    /**
     * Makes every pair "never talked" again: deletes the apps' flow entries (by their cookies; the
     * controller's table-miss entry stays) and the hosts' ARP caches.
     */
    static void forget(Lab lab, List<String> apps) {
        for (OvsBridge bridge : lab.network().switches()) {
            for (String app : apps) {
                bridge.deleteFlows(String.format("cookie=0x%016x/0x%016x", Flows.cookie(app).getValue(),
                        Flows.APP_COOKIE_MASK.getValue()));
            }
        }
        for (LabHost h : lab.hosts()) {
            var r = lab.network().host(h.namespace()).exec("ip", "neigh", "flush", "all");
            if (!r.ok()) {
                throw new IllegalStateException("cannot flush the ARP cache of " + h.name() + ": " + r.stderr().strip());
            }
        }
    }
}
