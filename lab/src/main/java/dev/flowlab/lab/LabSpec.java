package dev.flowlab.lab;

import dev.flowlab.controller.Controller;
import dev.flowlab.controller.ControllerConfig;
import dev.flowlab.controller.RestConfig;
import dev.flowlab.dataplane.FailMode;
import dev.flowlab.dataplane.OpenFlowVersion;
import dev.flowlab.topologies.Topology;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What to build: the network, the apps of the embedded controller, where the controller is, the
 * bridges' fail-mode, and a prefix for every name created on the machine (so runs can coexist).
 *
 * @param failMode   what the bridges do while no controller is connected
 * @param rest       the embedded controller's REST API (off unless asked for)
 * @param appConfigs config file of each app of the embedded controller that has one
 * @param captureDir where packet captures go; when set, every link is captured from the start (null: none
 *                   at the start, later ones under {@code captures/RUN-ID})
 * @param openflowCapture a pcap file for the embedded controller's OpenFlow messages from the start, or null
 * @param tls        the embedded controller (or each of the controller processes) and the bridges speak TLS,
 *                   with throwaway certificates
 *                   ({@link OvsTlsSession})
 * @param protocols  the OpenFlow versions the bridges offer (null or empty: OpenFlow 1.3); the embedded
 *                   controller speaks the newest of them, and refuses at start apps that need a newer one
 */
public record LabSpec(Topology topology, List<String> apps, ControllerChoice controller, FailMode failMode,
                      String prefix, RestConfig rest, Map<String, Path> appConfigs, Path captureDir,
                      Path openflowCapture, boolean tls, List<OpenFlowVersion> protocols) {
    public LabSpec {
        java.util.Objects.requireNonNull(failMode, "failMode");
        protocols = protocols == null || protocols.isEmpty() ? OpenFlowVersion.DEFAULT
                : protocols.stream().distinct().sorted().toList();
        apps = List.copyOf(apps);
        prefix = prefix == null ? "" : prefix;
        rest = rest == null ? RestConfig.off() : rest;
        appConfigs = appConfigs == null ? Map.of() : Map.copyOf(appConfigs);
    }

    /**
     * Refuses, in one line naming the problem and the fix, what cannot run as asked: the one place a spec is
     * checked, which {@link Lab#start} calls before it starts or builds anything. The embedded controller's own
     * start (the first thing a lab starts) refuses its apps; controller processes would each refuse theirs in
     * their own log after the others had started, so their checks are made here, with the controller's.
     */
    public void refuseUnrunnable() {
        if (tls && controller.kind() != ControllerChoice.Kind.EMBEDDED && controller.kind() != ControllerChoice.Kind.PROCESSES) {
            throw new IllegalArgumentException("--tls is for flowlab's embedded controller; with --controller " + controller
                    + " set up TLS on that controller and in Open vSwitch (ovs-vsctl set-ssl) yourself");
        }
        if (controller.kind() != ControllerChoice.Kind.PROCESSES) {
            return;
        }
        // A member is not told the ports' VLAN roles (flowlab controller has no option for them), so its VLAN stage
        // would be off and hosts of different VLANs would reach each other: refused rather than silently different.
        if (ExpectedTopology.vlanPorts(topology, prefix).any()) {
            throw new IllegalArgumentException("this network has VLANs, and --controllers N processes are not told the"
                    + " ports' VLAN roles: use the embedded controller (no --controllers) for VLAN topologies");
        }
        // What each member checks at start (apps, their config files, apps that cannot run together), and the
        // switches' version, which a member learns only when they connect (it would refuse every switch then).
        Controller.check(ControllerConfig.builder().apps(apps).appConfigs(appConfigs)
                .switchVersion(ExpectedTopology.switchVersion(protocols)).build());
    }

    /** No captures, plain TCP between controller and bridges. */
    public LabSpec(Topology topology, List<String> apps, ControllerChoice controller, FailMode failMode,
                   String prefix, RestConfig rest, Map<String, Path> appConfigs) {
        this(topology, apps, controller, failMode, prefix, rest, appConfigs, null, null, false, null);
    }

    /** This spec with the bridges offering {@code versions} instead. */
    public LabSpec withProtocols(List<OpenFlowVersion> versions) {
        return new LabSpec(topology, apps, controller, failMode, prefix, rest, appConfigs, captureDir, openflowCapture,
                tls, versions);
    }

    /** No REST API, no app config files. */
    public LabSpec(Topology topology, List<String> apps, ControllerChoice controller, FailMode failMode, String prefix) {
        this(topology, apps, controller, failMode, prefix, RestConfig.off(), Map.of());
    }
}
