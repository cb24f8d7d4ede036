package dev.flowlab.apps.fake;

import java.nio.ByteBuffer;

/** Frames between the Mininet-style hosts h1..hN (MAC 00:00:00:00:00:0N, IP 10.0.0.N). */
public final class Hosts {
    private Hosts() {
    }

    public static long mac(int host) {
        return host;
    }

    /** An IPv4 ICMP echo request from host {@code from} to host {@code to}. */
    public static byte[] ping(int from, int to) {
        ByteBuffer b = ByteBuffer.allocate(14 + 20 + 8);
        putMac(b, mac(to));
        putMac(b, mac(from));
        b.putShort((short) 0x0800);
        b.put((byte) 0x45).put((byte) 0).putShort((short) 28).putShort((short) 1).putShort((short) 0)
                .put((byte) 64).put((byte) 1).putShort((short) 0).putInt(0x0a000000 | from).putInt(0x0a000000 | to);
        b.put(new byte[] {8, 0, 0, 0, 0, 1, 0, 1});
        return b.array();
    }

    /** A broadcast ARP request from host {@code from} asking for host {@code to}. */
    public static byte[] arpRequest(int from, int to) {
        ByteBuffer b = ByteBuffer.allocate(14 + 28);
        putMac(b, 0xffff_ffff_ffffL);
        putMac(b, mac(from));
        b.putShort((short) 0x0806);
        b.putShort((short) 1).putShort((short) 0x0800).put((byte) 6).put((byte) 4).putShort((short) 1);
        putMac(b, mac(from));
        b.putInt(0x0a000000 | from);
        putMac(b, 0);
        b.putInt(0x0a000000 | to);
        return b.array();
    }

    /** An LLDP frame as a topology discovery app would send it. */
    public static byte[] lldp(int from) {
        ByteBuffer b = ByteBuffer.allocate(14 + 16);
        putMac(b, 0x0180_c200_000eL);
        putMac(b, mac(from));
        b.putShort((short) 0x88cc);
        b.putShort((short) (1 << 9 | 2)).put((byte) 7).put((byte) 'a');
        b.putShort((short) (2 << 9 | 2)).put((byte) 7).put((byte) '1');
        b.putShort((short) (3 << 9 | 2)).putShort((short) 120);
        b.putShort((short) 0);
        return b.array();
    }

    /** {@code frame} with another source MAC (a copy). */
    public static byte[] from(org.projectfloodlight.openflow.types.MacAddress source, byte[] frame) {
        byte[] copy = frame.clone();
        System.arraycopy(source.getBytes(), 0, copy, 6, 6);
        return copy;
    }

    private static void putMac(ByteBuffer b, long mac) {
        b.putShort((short) (mac >>> 32)).putInt((int) mac);
    }
}
