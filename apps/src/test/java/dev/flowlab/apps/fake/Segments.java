package dev.flowlab.apps.fake;

import java.nio.ByteBuffer;

/** TCP and UDP frames between the Mininet-style hosts of {@link Hosts} (10.0.0.N, MAC N). */
public final class Segments {
    private Segments() {
    }

    /** A TCP SYN from host {@code from} (port 40000) to port {@code dstPort} of host {@code to}. */
    public static byte[] tcp(int from, int to, int dstPort) {
        return frame(6, from, to, dstPort, 20);
    }

    /** A UDP datagram from host {@code from} (port 40000) to port {@code dstPort} of host {@code to}. */
    public static byte[] udp(int from, int to, int dstPort) {
        return frame(17, from, to, dstPort, 8);
    }

    private static byte[] frame(int protocol, int from, int to, int dstPort, int l4Length) {
        ByteBuffer b = ByteBuffer.allocate(14 + 20 + l4Length);
        b.putShort((short) 0).putInt(to);
        b.putShort((short) 0).putInt(from);
        b.putShort((short) 0x0800);
        b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + l4Length)).putShort((short) 1).putShort((short) 0)
                .put((byte) 64).put((byte) protocol).putShort((short) 0).putInt(0x0a000000 | from).putInt(0x0a000000 | to);
        b.putShort((short) 40000).putShort((short) dstPort);
        if (protocol == 6) {
            b.putInt(1).putInt(0).put((byte) 0x50).put((byte) 0x02).putShort((short) 1024).putInt(0);
        } else {
            b.putShort((short) 8).putShort((short) 0);
        }
        return b.array();
    }
}
