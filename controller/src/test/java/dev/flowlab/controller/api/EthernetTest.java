package dev.flowlab.controller.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.controller.testing.Frames;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.types.ArpOpcode;
import org.projectfloodlight.openflow.types.EthType;
import org.projectfloodlight.openflow.types.IPv4Address;
import org.projectfloodlight.openflow.types.IPv6Address;
import org.projectfloodlight.openflow.types.IpProtocol;
import org.projectfloodlight.openflow.types.MacAddress;
import org.projectfloodlight.openflow.types.TransportPort;

/** The parsed view of frames a host really sends. */
class EthernetTest {
    private static final long H1 = 0x0000_0000_0001L;
    private static final long H2 = 0x0000_0000_0002L;
    private static final int IP1 = 0x0a000001;
    private static final int IP2 = 0x0a000002;

    private static byte[] ports(int src, int dst, int length) {
        return ByteBuffer.allocate(length).putShort((short) src).putShort((short) dst).array();
    }

    @Test
    void arpRequest() {
        Ethernet eth = Ethernet.of(Frames.arpRequest(H1, IP1, IP2));

        assertThat(eth.destination()).isEqualTo(MacAddress.BROADCAST);
        assertThat(eth.source()).isEqualTo(MacAddress.of(H1));
        assertThat(eth.etherType()).isEqualTo(EthType.ARP);
        assertThat(eth.arp()).contains(new Arp(ArpOpcode.REQUEST, MacAddress.of(H1), IPv4Address.of("10.0.0.1"),
                MacAddress.NONE, IPv4Address.of("10.0.0.2")));
        assertThat(eth.ipv4()).isEmpty();
        assertThat(eth.vlan()).isEmpty();
    }

    @Test
    void ipv4Ping() {
        Ethernet eth = Ethernet.of(Frames.ping(H1, H2, IP1, IP2));

        assertThat(eth.ipv4()).contains(new Ipv4(IPv4Address.of("10.0.0.1"), IPv4Address.of("10.0.0.2"), IpProtocol.ICMP, 64, false));
        assertThat(eth.icmp()).contains(new Icmp(8, 0));
        assertThat(eth.tcp()).isEmpty();
        assertThat(eth.arp()).isEmpty();
    }

    @Test
    void ipv4TcpAndUdpPorts() {
        Ethernet tcp = Ethernet.of(Frames.ethernet(H2, H1, 0x0800, Frames.ipv4(6, IP1, IP2, ports(40000, 5201, 20))));
        Ethernet udp = Ethernet.of(Frames.ethernet(H2, H1, 0x0800, Frames.ipv4(17, IP1, IP2, ports(5353, 53, 8))));

        assertThat(tcp.tcp()).contains(new TransportPorts(TransportPort.of(40000), TransportPort.of(5201)));
        assertThat(tcp.udp()).isEmpty();
        assertThat(udp.udp()).contains(new TransportPorts(TransportPort.of(5353), TransportPort.of(53)));
    }

    @Test
    void laterFragmentHasNoTransportHeader() {
        byte[] ip = Frames.ipv4(17, IP1, IP2, ports(1, 2, 8));
        ip[6] = 0x00;
        ip[7] = 0x10;  // fragment offset 16 x 8 bytes
        Ethernet eth = Ethernet.of(Frames.ethernet(H2, H1, 0x0800, ip));

        assertThat(eth.ipv4()).hasValueSatisfying(v4 -> assertThat(v4.fragment()).isTrue());
        assertThat(eth.udp()).isEmpty();
    }

    @Test
    void vlanTaggedFrameShowsTagAndInnerType() {
        byte[] untagged = Frames.ping(H1, H2, IP1, IP2);
        ByteBuffer tagged = ByteBuffer.allocate(untagged.length + 4);
        tagged.put(untagged, 0, 12).putShort((short) 0x8100).putShort((short) (5 << 13 | 42)).put(untagged, 12, untagged.length - 12);
        Ethernet eth = Ethernet.of(tagged.array());

        assertThat(eth.vlan()).contains(new VlanTag(42, 5));
        assertThat(eth.etherType()).isEqualTo(EthType.IPv4);
        assertThat(eth.icmp()).contains(new Icmp(8, 0));
    }

    @Test
    void ipv6UdpBehindAHopByHopHeaderAndIcmpv6() {
        byte[] src = IPv6Address.of("fe80::1").getBytes();
        byte[] dst = IPv6Address.of("ff02::1").getBytes();
        ByteBuffer udp = ByteBuffer.allocate(40 + 8 + 8);
        udp.putInt(0x6000_0000).putShort((short) 16).put((byte) 0).put((byte) 255).put(src).put(dst);
        udp.put((byte) 17).put((byte) 0).put(new byte[6]);   // hop-by-hop, next UDP, 8 bytes
        udp.putShort((short) 546).putShort((short) 547).putInt(0);
        ByteBuffer icmp = ByteBuffer.allocate(40 + 8);
        icmp.putInt(0x6000_0000).putShort((short) 8).put((byte) 58).put((byte) 255).put(src).put(dst);
        icmp.put((byte) 135).put((byte) 0);

        Ethernet eth = Ethernet.of(Frames.ethernet(H2, H1, 0x86dd, udp.array()));
        Ethernet nd = Ethernet.of(Frames.ethernet(H2, H1, 0x86dd, icmp.array()));

        assertThat(eth.ipv6()).contains(new Ipv6(IPv6Address.of("fe80::1"), IPv6Address.of("ff02::1"), IpProtocol.UDP, 255));
        assertThat(eth.udp()).contains(new TransportPorts(TransportPort.of(546), TransportPort.of(547)));
        assertThat(nd.icmp()).contains(new Icmp(135, 0));
        assertThat(nd.ipv4()).isEmpty();
    }

    @Test
    void lldpMandatoryTlvs() {
        ByteBuffer lldp = ByteBuffer.allocate(64);
        byte[] chassis = "dpid:0000000000000001".getBytes();
        lldp.putShort((short) (1 << 9 | (chassis.length + 1))).put((byte) 7).put(chassis);
        lldp.putShort((short) (2 << 9 | 3)).put((byte) 2).putShort((short) 3);
        lldp.putShort((short) (3 << 9 | 2)).putShort((short) 120);
        lldp.putShort((short) 0);
        Ethernet eth = Ethernet.of(Frames.ethernet(0x0180_c200_000eL, H1, 0x88cc, Arrays.copyOf(lldp.array(), lldp.position())));

        assertThat(eth.isLldp()).isTrue();
        Lldp parsed = eth.lldp().orElseThrow();
        assertThat(parsed.chassisIdSubtype()).isEqualTo(7);
        assertThat(parsed.chassisIdText()).isEqualTo("dpid:0000000000000001");
        assertThat(parsed.portIdSubtype()).isEqualTo(2);
        assertThat(parsed.portId()).containsExactly(0, 3);
        assertThat(parsed.ttl()).isEqualTo(120);
    }

    @Test
    void truncatedHeadersReadAsAbsent() {
        byte[] ping = Frames.ping(H1, H2, IP1, IP2);

        assertThat(Ethernet.of(Arrays.copyOf(ping, 20)).ipv4()).isEmpty();
        assertThat(Ethernet.of(Arrays.copyOf(ping, 35)).icmp()).isEmpty();
        assertThat(Ethernet.of(Arrays.copyOf(Frames.arpRequest(H1, IP1, IP2), 30)).arp()).isEmpty();
        assertThat(Ethernet.of(new byte[5]).source()).isEqualTo(MacAddress.NONE);
    }

    @Test
    void randomBytesNeverThrow() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            byte[] frame = new byte[random.nextInt(120)];
            random.nextBytes(frame);
            if (frame.length > 13 && random.nextBoolean()) {  // steer half of them into real parsers
                int[] types = {0x0800, 0x86dd, 0x0806, 0x88cc, 0x8100};
                int type = types[random.nextInt(types.length)];
                frame[12] = (byte) (type >> 8);
                frame[13] = (byte) type;
            }
            Ethernet eth = Ethernet.of(frame);
            eth.source();
            eth.vlan();
            eth.arp();
            eth.ipv4();
            eth.ipv6();
            eth.icmp();
            eth.tcp();
            eth.udp();
            eth.lldp();
            assertThat(eth.toString()).isNotEmpty();
        }
    }
}
