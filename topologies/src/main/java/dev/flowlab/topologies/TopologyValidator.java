package dev.flowlab.topologies;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks a topology's whole-network rules; each failure names the element and the fix. */
final class TopologyValidator {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern CIDR = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");
    private static final Pattern MAC = Pattern.compile("([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}");

    private TopologyValidator() {
    }

    static void validate(Topology t) {
        Map<String, String> ips = new HashMap<>();
        Map<String, String> macs = new HashMap<>();
        Map<Long, String> dpids = new HashMap<>();
        for (Host h : t.hosts()) {
            checkName(h.name());
            if (!isCidr(h.ip())) {
                throw new TopologyException("host " + h.name() + ": address '" + h.ip()
                        + "' is not an IPv4 address with prefix length, like 10.0.0.1/8");
            }
            String other = ips.put(h.address(), h.name());
            if (other != null) {
                throw new TopologyException("hosts " + other + " and " + h.name() + " both have address " + h.address());
            }
            if (h.mac() != null) {
                if (!MAC.matcher(h.mac()).matches()) {
                    throw new TopologyException("host " + h.name() + ": MAC '" + h.mac() + "' is not like 00:00:00:00:00:01");
                }
                String sameMac = macs.put(h.mac().toLowerCase(), h.name());
                if (sameMac != null) {
                    throw new TopologyException("hosts " + sameMac + " and " + h.name() + " both have MAC " + h.mac());
                }
            }
            if (h.gateway() != null && !isCidr(h.gateway() + "/32")) {
                throw new TopologyException("host " + h.name() + ": gateway '" + h.gateway() + "' is not an IPv4 address");
            }
        }
        for (Switch s : t.switches()) {
            checkName(s.name());
            if (s.dpid() <= 0) {
                throw new TopologyException("switch " + s.name() + ": datapath id must be positive, not " + s.dpid());
            }
            String other = dpids.put(s.dpid(), s.name());
            if (other != null) {
                throw new TopologyException("switches " + other + " and " + s.name() + " both have datapath id " + s.dpid());
            }
        }
        for (Link l : t.links()) {
            checkInterface(l.interfaceA());
            checkInterface(l.interfaceB());
            checkParams(l);
        }
    }

    private static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new TopologyException("node name '" + name
                    + "' must start with a letter and hold only letters, digits and '_'");
        }
    }

    private static void checkInterface(String ifname) {
        if (ifname.length() > Topology.MAX_INTERFACE_NAME) {
            throw new TopologyException("interface name " + ifname + " is " + ifname.length()
                    + " characters; Linux allows " + Topology.MAX_INTERFACE_NAME + ": use shorter node names");
        }
    }

    private static void checkParams(Link l) {
        LinkParams p = l.params();
        String where = "link " + l.nodeA() + " <-> " + l.nodeB();
        if (p.bandwidthMbit() != null && !(p.bandwidthMbit() > 0)) {
            throw new TopologyException(where + ": bandwidth must be > 0 Mbit/s, not " + p.bandwidthMbit());
        }
        if (p.lossPercent() != null && !(p.lossPercent() >= 0 && p.lossPercent() <= 100)) {
            throw new TopologyException(where + ": loss must be between 0 and 100 %, not " + p.lossPercent());
        }
        if (p.jitter() != null && p.delay() == null) {
            throw new TopologyException(where + ": jitter needs a delay as well");
        }
        if (p.delay() != null && p.delay().isNegative() || p.jitter() != null && p.jitter().isNegative()) {
            throw new TopologyException(where + ": delay and jitter cannot be negative");
        }
        if (p.maxQueuePackets() != null && p.maxQueuePackets() <= 0) {
            throw new TopologyException(where + ": queue size must be > 0 packets, not " + p.maxQueuePackets());
        }
    }

    private static boolean isCidr(String s) {
        var m = CIDR.matcher(s);
        if (!m.matches()) {
            return false;
        }
        for (int i = 1; i <= 4; i++) {
            if (Integer.parseInt(m.group(i)) > 255) {
                return false;
            }
        }
        return Integer.parseInt(m.group(5)) <= 32;
    }
}
