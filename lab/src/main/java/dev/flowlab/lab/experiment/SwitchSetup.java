package dev.flowlab.lab.experiment;

import dev.flowlab.lab.Lab;
import dev.flowlab.lab.traffic.LabHost;
import dev.flowlab.controller.api.Flows;
import java.util.ArrayList;
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
        List<String> argv = new ArrayList<>(List.of("ovs-vsctl"));
        for (String sw : lab.switchNames()) {
            argv.addAll(List.of("--", "set", "controller", lab.bridgeName(sw),
                    "inactivity_probe=" + settings.inactivityProbe().toMillis(),
                    "max_backoff=" + settings.maxBackoff().toMillis()));
        }
        run(argv);
    }

    /**
     * Makes every pair "never talked" again: deletes the apps' flow entries (by their cookies; the
     * controller's table-miss entry stays) and the hosts' ARP caches.
     */
    static void forget(Lab lab, List<String> apps) {
        for (String sw : lab.switchNames()) {
            for (String app : apps) {
                run(List.of("ovs-ofctl", "-O", "OpenFlow13", "del-flows", lab.bridgeName(sw),
                        String.format("cookie=0x%016x/0x%016x", Flows.cookie(app).getValue(),
                                Flows.APP_COOKIE_MASK.getValue())));
            }
        }
        for (LabHost h : lab.hosts()) {
            run(List.of("ip", "-n", h.namespace(), "neigh", "flush", "all"));
        }
    }

    /** {@code ovs-vsctl get bridge BR datapath_type}, e.g. netdev or system. */
    static String datapathType(Lab lab) {
        String t = run(List.of("ovs-vsctl", "get", "bridge", lab.bridgeName(lab.switchNames().get(0)), "datapath_type"))
                .strip().replace("\"", "");
        return t.isEmpty() ? "system" : t;
    }

    static String run(List<String> argv) {
        return dev.flowlab.lab.Ovs.run(argv.toArray(String[]::new));
    }
}
