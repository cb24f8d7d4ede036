package dev.flowlab.dataplane;

import dev.flowlab.topologies.Switch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ovs-vsctl commands of a run. Creation is one transaction for every bridge, one for every veth port
 * ({@link Ovsdb}, straight to ovsdb-server) and, where there are any, one for controllers and the rest (one per
 * bridge would be ~30x slower); ownership is the bridge's {@code external_ids:flowlab-run}.
 */
final class OvsCommands {
    static final String RUN_KEY = "flowlab-run";

    private OvsCommands() {
    }

    /**
     * The first of a build's transactions: every bridge with its settings, no port and no
     * controller yet, so ovs-vswitchd can make them while the hosts are being set up.
     */
    static List<String> addBridges(Plan plan, NetworkOptions options, Datapath datapath, String runId, Duration timeout) {
        List<String> argv = OvsControl.vsctl(timeout, new ArrayList<>());
        for (Switch s : plan.topology().switches()) {
            String br = s.name();
            argv.addAll(List.of("--", "add-br", br, "--", "set", "bridge", br,
                    "datapath_type=" + datapath.ovsName(),
                    "protocols=" + OpenFlowVersion.names(options.protocols()),
                    "fail_mode=" + options.failMode().ovsName(),
                    "other_config:datapath-id=" + s.dpidHex(),
                    // In-band control would add hidden flows for the controller's address: not wanted here.
                    "other_config:disable-in-band=true",
                    "external_ids:" + RUN_KEY + "=" + runId));
        }
        return argv;
    }

    /**
     * What follows the ports (which {@link Ovsdb#addPortOps} adds): the controllers (a switch connects with all
     * its ports), VLAN roles, TAP and tunnel ports, queues, as one ovs-vsctl transaction; an empty list when
     * there is none of these.
     */
    static List<String> afterPorts(Plan plan, NetworkOptions options, String runId, Duration timeout) {
        List<String> args = new ArrayList<>();
        if (!options.controllers().isEmpty()) {
            for (String br : plan.bridges()) {
                args.addAll(List.of("--", "set-controller", br));
                args.addAll(options.controllers());
            }
        }
        args.addAll(OptionalFeatures.ovsArgs(plan.topology()));   // VLAN roles, TAP and tunnel ports
        args.addAll(PortQueues.ovsArgs(plan.topology(), runId));   // after the ports they belong to
        return args.isEmpty() ? List.of() : OvsControl.vsctl(timeout, args);
    }

    /**
     * How long ovs-vswitchd may take for {@code objects} bridges and ports: at least {@code base}. On the
     * userspace datapath each costs milliseconds to tens of milliseconds (more on a loaded machine), and
     * a single timeout for 3 or 3,000 of them would be either useless or too short.
     */
    static Duration timeoutFor(int objects, Duration base) {
        Duration scaled = Duration.ofSeconds(60).plusMillis(250L * objects);
        return scaled.compareTo(base) > 0 ? scaled : base;
    }

    /** Bridge name to run id, for every bridge whose external_ids has the key {@value #RUN_KEY} itself. */
    static Map<String, String> flowlabBridges(Duration timeout) {
        return OvsControl.bridgesWithExternalId(RUN_KEY, timeout);
    }

    /** Deletes the bridges (with their ports) in one transaction; absent ones are skipped. */
    static void deleteBridges(List<String> bridges, Duration timeout) {
        if (bridges.isEmpty()) {
            return;
        }
        List<String> argv = OvsControl.vsctl(timeout, new ArrayList<>());
        for (String br : bridges) {
            argv.addAll(List.of("--", "--if-exists", "del-br", br));
        }
        ProcessRunner.check(argv, null, timeout);
    }
}
