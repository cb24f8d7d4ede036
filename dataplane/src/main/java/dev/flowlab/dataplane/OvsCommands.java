package dev.flowlab.dataplane;

import dev.flowlab.topologies.Switch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ovs-vsctl commands of a run. Creation is two transactions, one for every bridge and one for every
 * port (one per bridge is ~30x slower); ownership is the bridge's {@code external_ids:flowlab-run}.
 */
final class OvsCommands {
    static final String RUN_KEY = "flowlab-run";

    private OvsCommands() {
    }

    /**
     * The first of a build's two ovs-vsctl transactions: every bridge with its settings, no port and no
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
     * The second transaction: every switch-side veth end as a port, then the controllers (a switch
     * connects with all its ports), VLAN roles, TAP and tunnel ports, queues. It comes after the hosts
     * are up: a port whose veth changes state while ovs-vswitchd adds it costs it that work again (tree,3,10:
     * ovs-vswitchd used 2.4-2.6 s of CPU with the hosts set up meanwhile, 1.2-1.4 s after them).
     */
    static List<String> addPorts(Plan plan, NetworkOptions options, String runId, Duration timeout) {
        List<String> argv = OvsControl.vsctl(timeout, new ArrayList<>());
        for (Plan.Veth v : plan.veths()) {
            for (Plan.End e : List.of(v.a(), v.b())) {
                if (e.inRoot()) {
                    // ofport_request: the OpenFlow port number equals the one in the name (s1-eth2 -> 2).
                    argv.addAll(List.of("--", "add-port", e.node(), e.ifname(),
                            "--", "set", "interface", e.ifname(), "ofport_request=" + e.port()));
                }
            }
        }
        if (!options.controllers().isEmpty()) {
            for (String br : plan.bridges()) {
                argv.addAll(List.of("--", "set-controller", br));
                argv.addAll(options.controllers());
            }
        }
        argv.addAll(OptionalFeatures.ovsArgs(plan.topology()));   // VLAN roles, TAP and tunnel ports
        argv.addAll(PortQueues.ovsArgs(plan.topology(), runId));   // after the ports they belong to
        return argv;
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
