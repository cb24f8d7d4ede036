package dev.flowlab.dataplane;

import dev.flowlab.topologies.Host;
import dev.flowlab.topologies.Nat;
import dev.flowlab.topologies.Topology;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A host acting as NAT gateway: its outside address and default route, IPv4 forwarding and an iptables
 * MASQUERADE rule for what leaves on the outside interface. All of it lives in the host's own namespace
 * (sysctls under /proc/sys/net and netfilter tables are per namespace), so the machine's own forwarding
 * and iptables are never touched, and it all goes away with the namespace.
 */
final class NatNode {
    private NatNode() {
    }

    /** The interface of {@code h} that faces its NAT outside, e.g. {@code gw-eth1}. */
    static String outsideInterface(Topology t, Host h) {
        int port = t.port(h.name(), h.nat().outside()).orElseThrow();
        return Topology.interfaceName(h.name(), port);
    }

    /** {@code ip -n HOST -batch} lines: outside address, interface up, default route to the outside gateway. */
    static List<String> hostLines(Topology t, Host h) {
        Nat nat = h.nat();
        String out = outsideInterface(t, h);
        List<String> lines = new ArrayList<>(List.of("address add " + nat.ip() + " dev " + out, "link set dev " + out + " up"));
        if (nat.gateway() != null) {
            lines.add("route add default via " + nat.gateway() + " dev " + out);
        }
        return lines;
    }

    /** Turns on forwarding and masquerading inside the host's namespace. */
    static void enable(Topology t, Host h, Duration timeout) {
        InNamespace.run(h.name(), () -> {
            try {
                Files.writeString(Path.of("/proc/sys/net/ipv4/ip_forward"), "1");
            } catch (IOException e) {
                throw new DataplaneException("host " + h.name() + ": cannot turn on IPv4 forwarding: " + e.getMessage(), e);
            }
        });
        ProcessRunner.check(List.of(Tools.path("ip"), "netns", "exec", h.name(), Tools.path("iptables"), "-t", "nat",
                "-A", "POSTROUTING", "-o", outsideInterface(t, h), "-j", "MASQUERADE"), null, timeout);
    }
}
