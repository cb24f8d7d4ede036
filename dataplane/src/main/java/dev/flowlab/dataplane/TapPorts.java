package dev.flowlab.dataplane;

import dev.flowlab.topologies.TapPort;
import dev.flowlab.topologies.Topology;

import java.util.ArrayList;
import java.util.List;

/**
 * Switch ports backed by TAP devices: persistent TAPs in the root namespace, tagged with the run's interface
 * group (so teardown deletes them with the veths), added to their bridge as ordinary ports. A program joins
 * by opening {@code /dev/net/tun} with the device's name (qemu: {@code -netdev tap,ifname=s1-tap3,script=no}).
 */
final class TapPorts {
    private TapPorts() {
    }

    /** Root-namespace {@code ip -batch} lines creating the TAP devices in interface group {@code group}. */
    static List<String> creationLines(Topology t, int group) {
        List<String> lines = new ArrayList<>();
        for (TapPort tap : t.taps()) {
            lines.add("tuntap add dev " + tap.interfaceName() + " mode tap");
            lines.add("link set dev " + tap.interfaceName() + " group " + group);
        }
        return lines;
    }

    /** ovs-vsctl arguments adding the TAP devices to their bridges with their port numbers. */
    static List<String> ovsArgs(Topology t) {
        List<String> argv = new ArrayList<>();
        for (TapPort tap : t.taps()) {
            argv.addAll(List.of("--", "add-port", tap.switchName(), tap.interfaceName(),
                    "--", "set", "interface", tap.interfaceName(), "ofport_request=" + tap.port()));
        }
        return argv;
    }

    static List<String> deviceNames(Topology t) {
        return t.taps().stream().map(TapPort::interfaceName).toList();
    }
}
