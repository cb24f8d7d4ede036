package dev.flowlab.controller.api;

import static dev.flowlab.controller.api.FrameBytes.has;
import static dev.flowlab.controller.api.FrameBytes.mac;
import static dev.flowlab.controller.api.FrameBytes.u16;
import static dev.flowlab.controller.api.FrameBytes.u32;
import static dev.flowlab.controller.api.FrameBytes.u8;

import java.util.Arrays;
import java.util.Optional;
import org.projectfloodlight.openflow.types.EthType;
import org.projectfloodlight.openflow.types.IPv4Address;
import org.projectfloodlight.openflow.types.IPv6Address;
import org.projectfloodlight.openflow.types.IpProtocol;
import org.projectfloodlight.openflow.types.MacAddress;
import org.projectfloodlight.openflow.types.TransportPort;

/**
 * A read-only view of an Ethernet frame and the headers inside it (VLAN, ARP, IPv4, IPv6, ICMP,
 * TCP/UDP ports, LLDP). It wraps the packet-in's bytes without copying them; header offsets are
 * found once, when the view is made, and each accessor decodes only the fields it returns. A
 * truncated or unknown header reads as absent ({@link Optional#empty()}), never as an exception.
 */
public final class Ethernet {
    private static final int HEADER = 14;
    private static final int TPID_8021Q = 0x8100;
    private static final int TPID_8021AD = 0x88a8;
    private static final int TYPE_ARP = 0x0806;
    private static final int TYPE_IPV4 = 0x0800;
    private static final int TYPE_IPV6 = 0x86dd;
    private static final int TYPE_LLDP = 0x88cc;
    private static final int PROTO_ICMP = 1;
    private static final int PROTO_TCP = 6;
    private static final int PROTO_UDP = 17;
    private static final int PROTO_ICMPV6 = 58;

    private final byte[] frame;
    private final int etherType;   // after VLAN tags; -1 when the frame is shorter than a header
    private final int vlanTci;     // outermost tag control information; -1 untagged
    private final int network;     // offset of the header after Ethernet and VLAN tags
    private int protocol = -1;     // IP upper-layer protocol; -1 when not IP
    private int transport = -1;    // offset of the transport header; -1 when absent or a later fragment
    private boolean fragment;      // IPv4/IPv6 fragment other than the first

    private Ethernet(byte[] frame) {
        this.frame = frame;
        int type = has(frame, 0, HEADER) ? u16(frame, 12) : -1;
        int at = HEADER;
        int tci = -1;
        while ((type == TPID_8021Q || type == TPID_8021AD) && has(frame, at, 4)) {
            tci = tci == -1 ? u16(frame, at) : tci;
            type = u16(frame, at + 2);
            at += 4;
        }
        this.etherType = type;
        this.vlanTci = tci;
        this.network = at;
        if (type == TYPE_IPV4) {
            findIpv4Transport();
        } else if (type == TYPE_IPV6) {
            findIpv6Transport();
        }
    }

    /** A view of {@code frame}; the array is not copied, so it must not change while the view is used. */
    public static Ethernet of(byte[] frame) {
        return new Ethernet(frame);
    }

    private void findIpv4Transport() {
        if (!has(frame, network, 20) || u8(frame, network) >> 4 != 4) {
            return;
        }
        int headerLength = (u8(frame, network) & 0x0f) * 4;
        protocol = u8(frame, network + 9);
        fragment = (u16(frame, network + 6) & 0x1fff) != 0;
        if (headerLength >= 20 && !fragment) {
            transport = network + headerLength;
        }
    }

    private void findIpv6Transport() {
        if (!has(frame, network, 40) || u8(frame, network) >> 4 != 6) {
            return;
        }
        int next = u8(frame, network + 6);
        int at = network + 40;
        // Walk the extension headers a host commonly sends: hop-by-hop, routing, fragment, destination options.
        for (int hops = 0; hops < 8 && has(frame, at, 8); hops++) {
            if (next == 0 || next == 43 || next == 60) {
                int length = (u8(frame, at + 1) + 1) * 8;
                next = u8(frame, at);
                at += length;
            } else if (next == 44) {
                fragment = (u16(frame, at + 2) & 0xfff8) != 0;
                next = u8(frame, at);
                at += 8;
            } else {
                break;
            }
        }
        protocol = next;
        transport = fragment ? -1 : at;
    }

    /** The raw frame (shared, not copied). */
    public byte[] bytes() {
        return frame;
    }

    /** Destination MAC address; {@link MacAddress#NONE} if the frame is shorter than a header. */
    public MacAddress destination() {
        return etherType < 0 ? MacAddress.NONE : mac(frame, 0);
    }

    /** Source MAC address; {@link MacAddress#NONE} if the frame is shorter than a header. */
    public MacAddress source() {
        return etherType < 0 ? MacAddress.NONE : mac(frame, 6);
    }

    /** The EtherType after any VLAN tags (for example {@link EthType#IPv4}). */
    public EthType etherType() {
        return EthType.of(Math.max(etherType, 0));
    }

    /** Whether this is an LLDP frame (link discovery), a check without allocation. */
    public boolean isLldp() {
        return etherType == TYPE_LLDP;
    }

    /** The outermost 802.1Q/802.1ad tag, if the frame is tagged. */
    public Optional<VlanTag> vlan() {
        return vlanTci < 0 ? Optional.empty() : Optional.of(new VlanTag(vlanTci & 0x0fff, vlanTci >>> 13));
    }

    /** The ARP packet, if this is ARP for IPv4 over Ethernet. */
    public Optional<Arp> arp() {
        return etherType == TYPE_ARP ? Optional.ofNullable(Arp.parse(frame, network)) : Optional.empty();
    }

    /** The IPv4 header, if this is IPv4. */
    public Optional<Ipv4> ipv4() {
        if (etherType != TYPE_IPV4 || protocol < 0) {
            return Optional.empty();
        }
        return Optional.of(new Ipv4(IPv4Address.of(u32(frame, network + 12)), IPv4Address.of(u32(frame, network + 16)),
                ipProtocol(), u8(frame, network + 8), fragment));
    }

    /** The IPv6 header, if this is IPv6. */
    public Optional<Ipv6> ipv6() {
        if (etherType != TYPE_IPV6 || protocol < 0) {
            return Optional.empty();
        }
        return Optional.of(new Ipv6(IPv6Address.of(Arrays.copyOfRange(frame, network + 8, network + 24)),
                IPv6Address.of(Arrays.copyOfRange(frame, network + 24, network + 40)),
                ipProtocol(), u8(frame, network + 7)));
    }

    /** openflowj rejects reserved numbers such as 255; they read as {@link IpProtocol#NONE}. */
    private IpProtocol ipProtocol() {
        try {
            return IpProtocol.of((short) protocol);
        } catch (IllegalArgumentException e) {
            return IpProtocol.NONE;
        }
    }

    /** ICMP type and code: ICMP in IPv4, ICMPv6 in IPv6. */
    public Optional<Icmp> icmp() {
        boolean icmp = etherType == TYPE_IPV4 ? protocol == PROTO_ICMP : protocol == PROTO_ICMPV6;
        if (!icmp || !has(frame, transport, 2)) {
            return Optional.empty();
        }
        return Optional.of(new Icmp(u8(frame, transport), u8(frame, transport + 1)));
    }

    /** TCP source and destination port, if this is TCP over IPv4 or IPv6. */
    public Optional<TransportPorts> tcp() {
        return protocol == PROTO_TCP ? ports() : Optional.empty();
    }

    /** UDP source and destination port, if this is UDP over IPv4 or IPv6. */
    public Optional<TransportPorts> udp() {
        return protocol == PROTO_UDP ? ports() : Optional.empty();
    }

    private Optional<TransportPorts> ports() {
        if (!has(frame, transport, 4)) {
            return Optional.empty();
        }
        return Optional.of(new TransportPorts(TransportPort.of(u16(frame, transport)),
                TransportPort.of(u16(frame, transport + 2))));
    }

    /** The LLDP data unit, if this is an LLDP frame with chassis id, port id and TTL. */
    public Optional<Lldp> lldp() {
        return isLldp() ? Optional.ofNullable(Lldp.parse(frame, network)) : Optional.empty();
    }

    @Override
    public String toString() {
        return "Ethernet[" + source() + " > " + destination() + " type=0x" + Integer.toHexString(Math.max(etherType, 0))
                + vlan().map(v -> " vlan=" + v.vid()).orElse("") + "]";
    }
}
