package dev.flowlab.controller.rest;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.match.Match;
import org.projectfloodlight.openflow.protocol.match.MatchField;
import org.projectfloodlight.openflow.types.ArpOpcode;
import org.projectfloodlight.openflow.types.EthType;
import org.projectfloodlight.openflow.types.ICMPv4Code;
import org.projectfloodlight.openflow.types.ICMPv4Type;
import org.projectfloodlight.openflow.types.IPv4Address;
import org.projectfloodlight.openflow.types.IPv6Address;
import org.projectfloodlight.openflow.types.IPv4AddressWithMask;
import org.projectfloodlight.openflow.types.IPv6AddressWithMask;
import org.projectfloodlight.openflow.types.IpDscp;
import org.projectfloodlight.openflow.types.IpProtocol;
import org.projectfloodlight.openflow.types.MacAddress;
import org.projectfloodlight.openflow.types.Masked;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.OFValueType;
import org.projectfloodlight.openflow.types.OFVlanVidMatch;
import org.projectfloodlight.openflow.types.TransportPort;
import org.projectfloodlight.openflow.types.U16;
import org.projectfloodlight.openflow.types.U32;
import org.projectfloodlight.openflow.types.U64;
import org.projectfloodlight.openflow.types.U8;
import org.projectfloodlight.openflow.types.VlanPcp;

/**
 * Match fields in JSON, named as in OpenFlow 1.3 and ovs-ofctl ({@code in_port}, {@code eth_dst},
 * {@code ipv4_src}, {@code tcp_dst}...). Addresses are strings (with {@code /prefix} or {@code /mask}
 * where OpenFlow allows a mask), everything else a number; reading accepts what writing produces.
 */
final class MatchCodec {
    /** A parsed field: its value and, for a masked match, the mask (else null). */
    private record Value(OFValueType<?> value, OFValueType<?> mask) {
    }

    /** How to read one field, what it needs before it (OpenFlow prerequisites) and what a user should write. */
    private record Field(MatchField<?> field, String expected, Function<String, Value> parse,
                         MatchField<?> needs, Set<Long> needValues) {
    }

    private static final Set<Long> IP = Set.of(0x0800L, 0x86ddL);
    private static final Map<String, Field> FIELDS = new LinkedHashMap<>();

    static {
        field(MatchField.IN_PORT, PortNumbers.names(), t -> exact(port(t)), null, null);
        field(MatchField.ETH_DST, "a MAC address, optionally /mask", MatchCodec::mac, null, null);
        field(MatchField.ETH_SRC, "a MAC address, optionally /mask", MatchCodec::mac, null, null);
        field(MatchField.ETH_TYPE, "an EtherType like 2048 or 0x0800", t -> exact(EthType.of((int) number(t, 0xffff))), null, null);
        field(MatchField.VLAN_VID, "a VLAN id 0-4095", t -> exact(OFVlanVidMatch.ofVlan((int) number(t, 4095))), null, null);
        field(MatchField.VLAN_PCP, "a priority 0-7", t -> exact(VlanPcp.of((byte) number(t, 7))), MatchField.VLAN_VID, null);
        field(MatchField.IP_DSCP, "a DSCP value 0-63", t -> exact(IpDscp.of((byte) number(t, 63))), MatchField.ETH_TYPE, IP);
        field(MatchField.IP_PROTO, "an IP protocol number, or tcp, udp, icmp", t -> exact(protocol(t)), MatchField.ETH_TYPE, IP);
        field(MatchField.IPV4_SRC, "an IPv4 address or prefix like 10.0.0.0/24", MatchCodec::ipv4, MatchField.ETH_TYPE, Set.of(0x0800L));
        field(MatchField.IPV4_DST, "an IPv4 address or prefix like 10.0.0.0/24", MatchCodec::ipv4, MatchField.ETH_TYPE, Set.of(0x0800L));
        field(MatchField.IPV6_SRC, "an IPv6 address or prefix", MatchCodec::ipv6, MatchField.ETH_TYPE, Set.of(0x86ddL));
        field(MatchField.IPV6_DST, "an IPv6 address or prefix", MatchCodec::ipv6, MatchField.ETH_TYPE, Set.of(0x86ddL));
        field(MatchField.TCP_SRC, "a port 0-65535", t -> exact(transport(t)), MatchField.IP_PROTO, Set.of(6L));
        field(MatchField.TCP_DST, "a port 0-65535", t -> exact(transport(t)), MatchField.IP_PROTO, Set.of(6L));
        field(MatchField.UDP_SRC, "a port 0-65535", t -> exact(transport(t)), MatchField.IP_PROTO, Set.of(17L));
        field(MatchField.UDP_DST, "a port 0-65535", t -> exact(transport(t)), MatchField.IP_PROTO, Set.of(17L));
        field(MatchField.ICMPV4_TYPE, "an ICMP type 0-255", t -> exact(ICMPv4Type.of((short) number(t, 255))), MatchField.IP_PROTO, Set.of(1L));
        field(MatchField.ICMPV4_CODE, "an ICMP code 0-255", t -> exact(ICMPv4Code.of((short) number(t, 255))), MatchField.IP_PROTO, Set.of(1L));
        field(MatchField.ARP_OP, "1 (request) or 2 (reply)", t -> exact(ArpOpcode.of((int) number(t, 0xffff))), MatchField.ETH_TYPE, Set.of(0x0806L));
        field(MatchField.ARP_SPA, "an IPv4 address or prefix", MatchCodec::ipv4, MatchField.ETH_TYPE, Set.of(0x0806L));
        field(MatchField.ARP_TPA, "an IPv4 address or prefix", MatchCodec::ipv4, MatchField.ETH_TYPE, Set.of(0x0806L));
        field(MatchField.ARP_SHA, "a MAC address", MatchCodec::mac, MatchField.ETH_TYPE, Set.of(0x0806L));
        field(MatchField.ARP_THA, "a MAC address", MatchCodec::mac, MatchField.ETH_TYPE, Set.of(0x0806L));
    }

    private MatchCodec() {
    }

    private static void field(MatchField<?> field, String expected, Function<String, Value> parse, MatchField<?> needs,
                              Set<Long> needValues) {
        FIELDS.put(field.getName(), new Field(field, expected, parse, needs, needValues));
    }

    /** The field a name stands for, for set-field actions; null when it is not one we read. */
    static MatchField<?> field(String name) {
        Field f = FIELDS.get(name);
        return f == null ? null : f.field();
    }

    /** Whether {@code name} is a field a match or set-field may name. */
    static boolean known(String name) {
        return FIELDS.containsKey(name);
    }

    /** Names of every field we read, for error messages. */
    static String names() {
        return String.join(", ", FIELDS.keySet());
    }

    /**
     * Builds a match from field names to text values ({@code where} prefixes error messages, e.g. {@code match}).
     *
     * @throws IllegalArgumentException naming the field and what it expects
     */
    static Match parse(OFFactory of, Map<String, String> fields, String where) {
        Match.Builder builder = of.buildMatch();
        for (Map.Entry<String, String> e : fields.entrySet()) {
            Value v = value(e.getKey(), e.getValue(), where);
            if (v.mask() == null) {
                setExact(builder, FIELDS.get(e.getKey()).field(), v.value());
            } else {
                setMasked(builder, FIELDS.get(e.getKey()).field(), v.value(), v.mask());
            }
        }
        Match match = builder.build();
        for (String name : fields.keySet()) {
            checkPrerequisite(match, FIELDS.get(name), where);
        }
        return match;
    }

    /** The exact value of one field, for a set-field action. */
    static OFValueType<?> exactValue(String name, String text, String where) {
        Value v = value(name, text, where);
        if (v.mask() != null) {
            throw new IllegalArgumentException(where + ": a set-field value cannot have a mask");
        }
        return v.value();
    }

    private static Value value(String name, String text, String where) {
        Field f = FIELDS.get(name);
        if (f == null) {
            throw new IllegalArgumentException(where + ": unknown field '" + name + "' (known: " + names() + ")");
        }
        try {
            return f.parse().apply(text.trim());
        } catch (RuntimeException e) {   // openflowj's parsers throw assorted exceptions
            throw new IllegalArgumentException(where + "." + name + ": '" + text + "' is not " + f.expected());
        }
    }

    private static void checkPrerequisite(Match match, Field f, String where) {
        if (f.needs() == null) {
            return;
        }
        String need = f.needs().getName();
        if (match.isFullyWildcarded(f.needs())) {
            throw new IllegalArgumentException(where + "." + f.field().getName() + " needs " + need + " in the match too"
                    + (f.needValues() == null ? "" : " (" + need + ": " + valuesText(f) + ")") + ", as OpenFlow requires");
        }
        if (f.needValues() != null && match.isExact(f.needs())) {
            Object v = json(match.get(f.needs()));
            if (!(v instanceof Number n) || !f.needValues().contains(n.longValue())) {
                throw new IllegalArgumentException(where + "." + f.field().getName() + " needs " + need + " "
                        + valuesText(f) + ", not " + v);
            }
        }
    }

    private static String valuesText(Field f) {
        return f.needValues().stream().sorted()
                .map(v -> f.needs() == MatchField.ETH_TYPE ? String.format("0x%04x", v) : String.valueOf(v))
                .reduce((a, b) -> a + " or " + b).orElse("");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void setExact(Match.Builder b, MatchField field, OFValueType value) {
        b.setExact(field, value);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void setMasked(Match.Builder b, MatchField field, OFValueType value, OFValueType mask) {
        b.setMasked(field, value, mask);
    }

    /** A match as JSON: field name to value, in the switch's order. */
    static Map<String, Object> toJson(Match match) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (MatchField<?> field : match.getMatchFields()) {
            if (match.isExact(field)) {
                json.put(field.getName(), json(match.get(field)));
            } else {
                json.put(field.getName(), masked(match.getMasked(field)));
            }
        }
        return json;
    }

    /** A masked value as text: {@code 10.0.0.0/24} for a prefix, else {@code value/mask}. */
    private static String masked(Masked<?> m) {
        if (m.getMask() instanceof IPv4Address mask && mask.isCidrMask()) {
            return m.getValue() + "/" + mask.asCidrMaskLength();
        }
        if (m.getMask() instanceof IPv6Address mask && mask.isCidrMask()) {
            return m.getValue() + "/" + mask.asCidrMaskLength();
        }
        return m.getValue() + "/" + m.getMask();
    }

    /** One value as JSON: numbers as numbers, addresses as text. */
    static Object json(OFValueType<?> v) {
        if (v instanceof OFPort p) {
            return PortNumbers.json(p);
        } else if (v instanceof EthType t) {
            return t.getValue();
        } else if (v instanceof IpProtocol p) {
            return p.getIpProtocolNumber() & 0xff;
        } else if (v instanceof TransportPort p) {
            return p.getPort();
        } else if (v instanceof OFVlanVidMatch m) {
            return m.getVlan() & 0x0fff;
        } else if (v instanceof VlanPcp p) {
            return p.getValue() & 0xff;
        } else if (v instanceof IpDscp d) {
            return d.getDscpValue() & 0xff;
        } else if (v instanceof ICMPv4Type t) {
            return t.getType() & 0xff;
        } else if (v instanceof ICMPv4Code c) {
            return c.getCode() & 0xff;
        } else if (v instanceof ArpOpcode o) {
            return o.getOpcode();
        } else if (v instanceof U8 u) {
            return u.getValue();
        } else if (v instanceof U16 u) {
            return u.getValue();
        } else if (v instanceof U32 u) {
            return u.getValue();
        } else if (v instanceof U64 u) {
            return u.getValue();
        }
        return v.toString();
    }

    private static Value exact(OFValueType<?> v) {
        return new Value(v, null);
    }

    private static OFPort port(String text) {
        OFPort port = PortNumbers.parse(text);
        if (port == null) {
            throw new IllegalArgumentException(text);
        }
        return port;
    }

    private static long number(String text, long max) {
        String t = text.toLowerCase(Locale.ROOT);
        long n = t.startsWith("0x") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
        if (n < 0 || n > max) {
            throw new IllegalArgumentException(text);
        }
        return n;
    }

    private static IpProtocol protocol(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "tcp" -> IpProtocol.TCP;
            case "udp" -> IpProtocol.UDP;
            case "icmp" -> IpProtocol.ICMP;
            default -> IpProtocol.of((short) number(text, 255));
        };
    }

    private static TransportPort transport(String text) {
        return TransportPort.of((int) number(text, 65535));
    }

    private static Value mac(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return exact(MacAddress.of(text));
        }
        MacAddress mask = MacAddress.of(text.substring(slash + 1));
        return new Value(MacAddress.of(text.substring(0, slash)).applyMask(mask), mask);
    }

    private static Value ipv4(String text) {
        IPv4AddressWithMask m = IPv4AddressWithMask.of(text);
        return m.getMask().isCidrMask() && m.getMask().asCidrMaskLength() == 32 ? exact(m.getValue())
                : new Value(m.getValue().applyMask(m.getMask()), m.getMask());
    }

    private static Value ipv6(String text) {
        IPv6AddressWithMask m = IPv6AddressWithMask.of(text);
        return m.getMask().isCidrMask() && m.getMask().asCidrMaskLength() == 128 ? exact(m.getValue())
                : new Value(m.getValue().applyMask(m.getMask()), m.getMask());
    }
}
