package dev.flowlab.topologies;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks that a host's addresses (IP, aliases, VLAN sub-interfaces) and VLAN tags are each given once and its VLAN interface names fit Linux. */
final class HostAddressCheck {
    private HostAddressCheck() {
    }

    static void check(String host, String ip, List<String> aliases, List<HostVlan> vlans) {
        Set<String> addresses = new HashSet<>();
        if (ip != null) {
            addresses.add(ip.substring(0, Math.max(0, ip.indexOf('/'))));
        }
        for (String alias : aliases) {
            if (alias == null || Ipv4.prefixLength(alias) < 0) {
                throw new TopologyException(host, "host " + host + ": alias '" + alias
                        + "' is not an IPv4 address with prefix length, like 10.0.0.101/8");
            }
            if (!addresses.add(alias.substring(0, alias.indexOf('/')))) {
                throw new TopologyException(host, "host " + host + ": address " + alias
                        + " is given twice; each alias needs its own address");
            }
        }
        Set<String> tags = new HashSet<>();
        for (HostVlan v : vlans) {
            String tag = v.outer() == null ? String.valueOf(v.id()) : v.outer() + "." + v.id();
            if (!tags.add(tag)) {
                throw new TopologyException(host, "host " + host + ": VLAN " + tag + " is given twice");
            }
            if (!addresses.add(v.address())) {
                throw new TopologyException(host, "host " + host + ": VLAN " + tag + " address " + v.ip()
                        + " is already one of the host's addresses");
            }
            String ifname = v.interfaceName(Topology.interfaceName(host, 0));
            if (ifname.length() > Topology.MAX_INTERFACE_NAME) {
                throw new TopologyException(host, "host " + host + ": VLAN interface " + ifname + " is "
                        + ifname.length() + " characters; Linux allows " + Topology.MAX_INTERFACE_NAME
                        + ": use a shorter host name");
            }
        }
    }
}
