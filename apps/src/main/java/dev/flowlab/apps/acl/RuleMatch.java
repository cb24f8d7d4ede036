package dev.flowlab.apps.acl;

import dev.flowlab.controller.api.Ethernet;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.match.Match;
import org.projectfloodlight.openflow.types.IPv4AddressWithMask;
import org.projectfloodlight.openflow.types.MacAddress;

/**
 * What a rule matches, as one value/mask pair per field, with OpenFlow's prerequisites filled in
 * (a {@code tcp_dst} implies {@code ip_proto tcp}, which implies {@code eth_type ipv4}). Pure: it tests
 * packets, tests overlap with another rule, and builds the flow match.
 */
final class RuleMatch {
    static final long IPV4 = 0x0800;
    private static final long TCP = 6;
    private static final long UDP = 17;

    private final Map<AclField, long[]> fields;   // field -> {value, mask}

    private RuleMatch(Map<AclField, long[]> fields) {
        this.fields = Collections.unmodifiableMap(fields);
    }

    /**
     * The match of a rule's fields.
     *
     * @throws IllegalArgumentException naming the field whose value is bad or contradicts another
     */
    static RuleMatch of(AclRule r) {
        return of(r.ethType(), r.ethSrc(), r.ethDst(), r.ipv4Src(), r.ipv4Dst(), r.ipProto(), r.tcpSrc(), r.tcpDst(),
                r.udpSrc(), r.udpDst(), r.vlanVid());
    }

    /** The match of these field values (null: not tested); the rule's constructor checks its fields with it. */
    static RuleMatch of(String ethType, String ethSrc, String ethDst, String ipv4Src, String ipv4Dst, String ipProto,
                        Integer tcpSrc, Integer tcpDst, Integer udpSrc, Integer udpDst, Integer vlanVid) {
        Map<AclField, long[]> f = new EnumMap<>(AclField.class);
        if (ethType != null) {
            put(f, AclField.ETH_TYPE, ethType(ethType));
        }
        mac(f, AclField.ETH_SRC, "eth_src", ethSrc);
        mac(f, AclField.ETH_DST, "eth_dst", ethDst);
        ipv4(f, AclField.IPV4_SRC, "ipv4_src", ipv4Src);
        ipv4(f, AclField.IPV4_DST, "ipv4_dst", ipv4Dst);
        if (ipProto != null) {
            put(f, AclField.IP_PROTO, protocol(ipProto));
        }
        port(f, AclField.TCP_SRC, "tcp_src", tcpSrc, TCP);
        port(f, AclField.TCP_DST, "tcp_dst", tcpDst, TCP);
        port(f, AclField.UDP_SRC, "udp_src", udpSrc, UDP);
        port(f, AclField.UDP_DST, "udp_dst", udpDst, UDP);
        if (vlanVid != null) {
            if (vlanVid < 1 || vlanVid > 4094) {
                throw new IllegalArgumentException("vlan_vid " + vlanVid + " is out of range; use 1-4094");
            }
            put(f, AclField.VLAN_VID, vlanVid);
        }
        if (f.containsKey(AclField.IP_PROTO) || f.containsKey(AclField.IPV4_SRC) || f.containsKey(AclField.IPV4_DST)) {
            require(f, AclField.ETH_TYPE, IPV4, "eth_type", "0x0800 (ipv4), as its IPv4 fields need");
        }
        return new RuleMatch(f);
    }

    /** Whether a packet has every field this rule tests, with the tested value. */
    boolean matches(Ethernet frame) {
        for (Map.Entry<AclField, long[]> e : fields.entrySet()) {
            Optional<Long> value = e.getKey().read(frame);
            long[] vm = e.getValue();
            if (value.isEmpty() || (value.get() & vm[1]) != vm[0]) {
                return false;
            }
        }
        return true;
    }

    /** Whether some packet could match both rules. */
    boolean overlaps(RuleMatch other) {
        for (Map.Entry<AclField, long[]> e : fields.entrySet()) {
            long[] theirs = other.fields.get(e.getKey());
            if (theirs != null) {
                long common = e.getValue()[1] & theirs[1];
                if ((e.getValue()[0] & common) != (theirs[0] & common)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The OpenFlow match. */
    Match toMatch(OFFactory of) {
        Match.Builder match = of.buildMatch();
        fields.forEach((field, vm) -> field.addTo(match, vm[0], vm[1]));
        return match.build();
    }

    private static void put(Map<AclField, long[]> f, AclField field, long value) {
        f.put(field, new long[] {value, field.fullMask()});
    }

    private static void require(Map<AclField, long[]> f, AclField field, long value, String name, String why) {
        long[] present = f.get(field);
        if (present == null) {
            put(f, field, value);
        } else if (present[0] != value) {
            throw new IllegalArgumentException(name + " must be " + why + "; it is " + present[0]);
        }
    }

    private static void port(Map<AclField, long[]> f, AclField field, String name, Integer port, long protocol) {
        if (port == null) {
            return;
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(name + ": " + port + " is not a port 0-65535");
        }
        put(f, field, port);
        require(f, AclField.IP_PROTO, protocol, "ip_proto", (protocol == TCP ? "tcp" : "udp") + " for " + name);
    }

    private static void mac(Map<AclField, long[]> f, AclField field, String name, String text) {
        if (text == null) {
            return;
        }
        try {
            int slash = text.indexOf('/');
            long mask = slash < 0 ? field.fullMask() : MacAddress.of(text.substring(slash + 1).trim()).getLong();
            long value = MacAddress.of((slash < 0 ? text : text.substring(0, slash)).trim()).getLong();
            f.put(field, new long[] {value & mask, mask});
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + ": '" + text + "' is not a MAC address like 00:00:00:00:00:01"
                    + " (optionally /mask)");
        }
    }

    private static void ipv4(Map<AclField, long[]> f, AclField field, String name, String text) {
        if (text == null) {
            return;
        }
        try {
            IPv4AddressWithMask m = IPv4AddressWithMask.of(text.trim());
            long mask = m.getMask().getInt() & 0xffffffffL;
            f.put(field, new long[] {m.getValue().getInt() & mask, mask});
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + ": '" + text + "' is not an IPv4 address or prefix like 10.0.0.0/24");
        }
    }

    private static long ethType(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "ipv4" -> IPV4;
            case "arp" -> 0x0806;
            case "ipv6" -> 0x86dd;
            default -> number(text, 0xffff, "eth_type", "an EtherType: ipv4, arp, ipv6, 0x0800 or 2048");
        };
    }

    private static long protocol(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "tcp" -> TCP;
            case "udp" -> UDP;
            case "icmp" -> 1;
            default -> number(text, 255, "ip_proto", "tcp, udp, icmp or a protocol number 0-255");
        };
    }

    private static long number(String text, long max, String name, String expected) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            long n = t.startsWith("0x") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
            if (n >= 0 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + ": '" + text + "' is not " + expected);
    }
}
