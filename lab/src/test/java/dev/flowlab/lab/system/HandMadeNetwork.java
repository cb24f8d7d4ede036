package dev.flowlab.lab.system;

import static dev.flowlab.lab.system.SystemTests.must;
import static dev.flowlab.lab.system.SystemTests.sh;

import dev.flowlab.lab.traffic.LabHost;
import java.util.ArrayList;
import java.util.List;

/**
 * A network built by hand with {@code ip} and {@code ovs-vsctl}, the way a user would, without
 * flowlab's dataplane building it (the commands only go through its process runner): one userspace
 * OVS bridge and {@code n} namespace hosts. Every name starts with the given prefix;
 * {@link #close()} removes all of it.
 */
final class HandMadeNetwork implements AutoCloseable {
    final String bridge;
    final List<LabHost> hosts = new ArrayList<>();
    final long dpid;

    HandMadeNetwork(String prefix, int n, long dpid, String failMode, String controllerTarget) {
        this.bridge = prefix + "s1";
        this.dpid = dpid;
        try {
            List<String> vsctl = new ArrayList<>(List.of("ovs-vsctl", "--", "add-br", bridge, "--", "set", "bridge", bridge,
                    "datapath_type=netdev", "protocols=OpenFlow13", "fail_mode=" + failMode,
                    "other_config:datapath-id=" + String.format("%016x", dpid)));
            if (controllerTarget != null) {
                vsctl.addAll(List.of("--", "set-controller", bridge, controllerTarget));
            }
            must(vsctl.toArray(String[]::new));
            for (int i = 1; i <= n; i++) {
                String ns = prefix + "h" + i;
                String hostIf = ns + "-eth0";
                String switchIf = bridge + "-eth" + i;
                must("ip", "netns", "add", ns);
                hosts.add(new LabHost("h" + i, ns, "10.0.0." + i));
                must("ip", "link", "add", hostIf, "type", "veth", "peer", "name", switchIf);
                must("ip", "link", "set", hostIf, "netns", ns);
                must("ip", "-n", ns, "addr", "add", "10.0.0." + i + "/8", "dev", hostIf);
                must("ip", "-n", ns, "link", "set", "lo", "up");
                must("ip", "-n", ns, "link", "set", hostIf, "up");
                // Userspace datapath: without this TCP between namespaces silently fails.
                must("ip", "netns", "exec", ns, "ethtool", "-K", hostIf, "tx", "off");
                must("ethtool", "-K", switchIf, "tx", "off");
                must("sysctl", "-qw", "net.ipv6.conf." + switchIf + ".disable_ipv6=1");
                must("ip", "link", "set", switchIf, "up");
                must("ovs-vsctl", "add-port", bridge, switchIf);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Every ordered pair whose ping (the ping program, 3 s for the reply) went unanswered, as
     * {@code h1>h2}: flowlab's pingall works on networks flowlab built, and this one is not.
     */
    List<String> unreachablePairs() {
        List<String> failed = new ArrayList<>();
        for (LabHost from : hosts) {
            for (LabHost to : hosts) {
                if (from != to && sh("ip", "netns", "exec", from.namespace(), "ping", "-c1", "-W3", to.ip()).exitCode() != 0) {
                    failed.add(from.name() + ">" + to.name());
                }
            }
        }
        return failed;
    }

    @Override
    public void close() {
        sh("ovs-vsctl", "--if-exists", "del-br", bridge);
        for (LabHost h : hosts) {
            sh("ip", "netns", "delete", h.namespace());
        }
        for (int i = 1; i <= hosts.size() + 1; i++) {
            sh("ip", "link", "delete", bridge + "-eth" + i);
        }
    }
}
