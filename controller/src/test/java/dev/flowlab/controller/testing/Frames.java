package dev.flowlab.controller.testing;

import java.nio.ByteBuffer;

/** Hand-built frames for tests: the bytes a host would put on the wire. */
public final class Frames {
    private Frames() {
    }

    public static byte[] ethernet(long dst, long src, int etherType, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(14 + payload.length);
        putMac(b, dst);
        putMac(b, src);
        b.putShort((short) etherType);
        b.put(payload);
        return b.array();
    }

    public static void putMac(ByteBuffer b, long mac) {
        b.putShort((short) (mac >>> 32));
        b.putInt((int) mac);
    }

    /** An ARP request from (srcMac, srcIp) for targetIp, broadcast. */
    public static byte[] arpRequest(long srcMac, int srcIp, int targetIp) {
        ByteBuffer a = ByteBuffer.allocate(28);
        a.putShort((short) 1).putShort((short) 0x0800).put((byte) 6).put((byte) 4).putShort((short) 1);
        putMac(a, srcMac);
        a.putInt(srcIp);
        putMac(a, 0);
        a.putInt(targetIp);
        return ethernet(0xffff_ffff_ffffL, srcMac, 0x0806, a.array());
    }

    /** A 20-byte IPv4 header followed by {@code l4}. */
    public static byte[] ipv4(int protocol, int src, int dst, byte[] l4) {
        ByteBuffer ip = ByteBuffer.allocate(20 + l4.length);
        ip.put((byte) 0x45).put((byte) 0).putShort((short) (20 + l4.length)).putShort((short) 1).putShort((short) 0)
                .put((byte) 64).put((byte) protocol).putShort((short) 0).putInt(src).putInt(dst).put(l4);
        return ip.array();
    }

    /** An ICMP echo request (type 8) from one host to another. */
    public static byte[] ping(long srcMac, long dstMac, int srcIp, int dstIp) {
        byte[] icmp = {8, 0, 0, 0, 0, 1, 0, 1};
        return ethernet(dstMac, srcMac, 0x0800, ipv4(1, srcIp, dstIp, icmp));
    }

    /**
     * An LLDP frame as any host can send it: chassis id and port id as locally assigned text
     * (subtype 7), TTL 120, no other TLV. With {@code dpid:...} and a port number it looks like a
     * controller's probe, without its signature.
     */
    public static byte[] lldp(long srcMac, String chassis, String port) {
        ByteBuffer l = ByteBuffer.allocate(64);
        lldpTlv(l, 1, 7, chassis.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        lldpTlv(l, 2, 7, port.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        l.putShort((short) (3 << 9 | 2)).putShort((short) 120);
        l.putShort((short) 0);
        return ethernet(0x0180_c200_000eL, srcMac, 0x88cc, java.util.Arrays.copyOf(l.array(), l.position()));
    }

    private static void lldpTlv(ByteBuffer b, int type, int subtype, byte[] value) {
        b.putShort((short) (type << 9 | (value.length + 1)));
        b.put((byte) subtype).put(value);
    }
}
