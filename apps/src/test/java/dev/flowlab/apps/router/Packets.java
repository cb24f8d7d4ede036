package dev.flowlab.apps.router;

import java.nio.ByteBuffer;
import org.projectfloodlight.openflow.types.IPv4Address;
import org.projectfloodlight.openflow.types.MacAddress;

/** Frames hosts in different subnets send each other and the router. */
final class Packets {
    static final MacAddress ROUTER = MacAddress.of(RouterConfig.DEFAULT_MAC);

    private Packets() {
    }

    static byte[] arp(int op, MacAddress ethDst, MacAddress srcMac, String srcIp, MacAddress targetMac, String targetIp) {
        ByteBuffer b = ByteBuffer.allocate(42);
        b.put(ethDst.getBytes()).put(srcMac.getBytes()).putShort((short) 0x0806);
        b.putShort((short) 1).putShort((short) 0x0800).put((byte) 6).put((byte) 4).putShort((short) op);
        b.put(srcMac.getBytes()).putInt(IPv4Address.of(srcIp).getInt());
        b.put(targetMac.getBytes()).putInt(IPv4Address.of(targetIp).getInt());
        return b.array();
    }

    /** "Who has {@code targetIp}?" from a host. */
    static byte[] whoHas(MacAddress srcMac, String srcIp, String targetIp) {
        return arp(1, MacAddress.BROADCAST, srcMac, srcIp, MacAddress.NONE, targetIp);
    }

    /** A host's answer to the router's request. */
    static byte[] isAt(MacAddress srcMac, String srcIp, String routerIp) {
        return arp(2, ROUTER, srcMac, srcIp, ROUTER, routerIp);
    }

    /** An ICMP echo request (id 0x1234, sequence 1, 8 bytes of data) with a valid checksum. */
    static byte[] ping(MacAddress srcMac, MacAddress dstMac, String srcIp, String dstIp, int ttl) {
        ByteBuffer b = ByteBuffer.allocate(14 + 20 + 16);
        b.put(dstMac.getBytes()).put(srcMac.getBytes()).putShort((short) 0x0800);
        b.put((byte) 0x45).put((byte) 0).putShort((short) 36).putShort((short) 7).putShort((short) 0x4000)
                .put((byte) ttl).put((byte) 1).putShort((short) 0)
                .putInt(IPv4Address.of(srcIp).getInt()).putInt(IPv4Address.of(dstIp).getInt());
        b.put((byte) 8).put((byte) 0).putShort((short) 0).putShort((short) 0x1234).putShort((short) 1)
                .put("flowlab!".getBytes());
        byte[] frame = b.array();
        put(frame, 24, checksum(frame, 14, 20));
        put(frame, 36, checksum(frame, 34, 16));
        return frame;
    }

    /** The Internet checksum of a range (0 when the range already holds a correct checksum). */
    static int checksum(byte[] b, int from, int length) {
        long sum = 0;
        for (int i = 0; i < length; i += 2) {
            sum += (b[from + i] & 0xff) << 8 | (i + 1 < length ? b[from + i + 1] & 0xff : 0);
        }
        while (sum >> 16 != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (int) ~sum & 0xffff;
    }

    private static void put(byte[] b, int at, int value) {
        b[at] = (byte) (value >> 8);
        b[at + 1] = (byte) value;
    }
}
