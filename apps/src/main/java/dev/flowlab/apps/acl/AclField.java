package dev.flowlab.apps.acl;

import dev.flowlab.controller.api.Ethernet;
import dev.flowlab.controller.api.Ipv4;
import dev.flowlab.controller.api.TransportPorts;
import java.util.Optional;
import org.projectfloodlight.openflow.protocol.match.Match;
import org.projectfloodlight.openflow.protocol.match.MatchField;
import org.projectfloodlight.openflow.types.EthType;
import org.projectfloodlight.openflow.types.IPv4Address;
import org.projectfloodlight.openflow.types.IpProtocol;
import org.projectfloodlight.openflow.types.MacAddress;
import org.projectfloodlight.openflow.types.OFVlanVidMatch;
import org.projectfloodlight.openflow.types.TransportPort;

/**
 * The header fields an ACL rule can test, each as an unsigned number of {@link #bits()} bits, so
 * that a packet test, an overlap test between rules, and a flow match all come from one value/mask
 * pair per field.
 */
enum AclField {
    ETH_TYPE(16), ETH_SRC(48), ETH_DST(48), IPV4_SRC(32), IPV4_DST(32), IP_PROTO(8),
    TCP_SRC(16), TCP_DST(16), UDP_SRC(16), UDP_DST(16), VLAN_VID(12);

    private final int bits;

    AclField(int bits) {
        this.bits = bits;
    }

    int bits() {
        return bits;
    }

    /** All ones over the field's width: an exact match. */
    long fullMask() {
        return bits == 64 ? -1L : (1L << bits) - 1;
    }

    /** The field's value in a packet; empty when the packet does not have the header. */
    Optional<Long> read(Ethernet frame) {
        return switch (this) {
            case ETH_TYPE -> Optional.of((long) frame.etherType().getValue());
            case ETH_SRC -> Optional.of(frame.source().getLong());
            case ETH_DST -> Optional.of(frame.destination().getLong());
            case IPV4_SRC -> frame.ipv4().map(ip -> ip.source().getInt() & 0xffffffffL);
            case IPV4_DST -> frame.ipv4().map(ip -> ip.destination().getInt() & 0xffffffffL);
            case IP_PROTO -> frame.ipv4().map(Ipv4::protocol).map(p -> (long) p.getIpProtocolNumber());
            case TCP_SRC -> frame.tcp().map(TransportPorts::source).map(p -> (long) p.getPort());
            case TCP_DST -> frame.tcp().map(TransportPorts::destination).map(p -> (long) p.getPort());
            case UDP_SRC -> frame.udp().map(TransportPorts::source).map(p -> (long) p.getPort());
            case UDP_DST -> frame.udp().map(TransportPorts::destination).map(p -> (long) p.getPort());
            case VLAN_VID -> frame.vlan().map(t -> (long) t.vid());
        };
    }

    /** Adds "this field has {@code value} under {@code mask}" to an OpenFlow match. */
    void addTo(Match.Builder match, long value, long mask) {
        boolean exact = mask == fullMask();
        switch (this) {
            case ETH_TYPE -> match.setExact(MatchField.ETH_TYPE, EthType.of((int) value));
            case IP_PROTO -> match.setExact(MatchField.IP_PROTO, IpProtocol.of((short) value));
            case ETH_SRC, ETH_DST -> {
                MatchField<MacAddress> f = this == ETH_SRC ? MatchField.ETH_SRC : MatchField.ETH_DST;
                if (exact) {
                    match.setExact(f, MacAddress.of(value));
                } else {
                    match.setMasked(f, MacAddress.of(value), MacAddress.of(mask));
                }
            }
            case IPV4_SRC, IPV4_DST -> {
                MatchField<IPv4Address> f = this == IPV4_SRC ? MatchField.IPV4_SRC : MatchField.IPV4_DST;
                if (exact) {
                    match.setExact(f, IPv4Address.of((int) value));
                } else {
                    match.setMasked(f, IPv4Address.of((int) value), IPv4Address.of((int) mask));
                }
            }
            case TCP_SRC -> match.setExact(MatchField.TCP_SRC, TransportPort.of((int) value));
            case TCP_DST -> match.setExact(MatchField.TCP_DST, TransportPort.of((int) value));
            case UDP_SRC -> match.setExact(MatchField.UDP_SRC, TransportPort.of((int) value));
            case UDP_DST -> match.setExact(MatchField.UDP_DST, TransportPort.of((int) value));
            case VLAN_VID -> match.setExact(MatchField.VLAN_VID, OFVlanVidMatch.ofVlan((int) value));
        }
    }
}
