package dev.flowlab.controller.capture;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Builds the Ethernet + IPv4 + TCP frame of a {@link PcapRecord}, checksums included. */
final class TcpFrames {
    static final int ETHERNET = 14;
    static final int IPV4 = 20;
    static final int TCP = 20;
    static final int HEADERS = ETHERNET + IPV4 + TCP;
    /** The largest payload one IPv4 packet carries (total length is 16 bits). */
    static final int MAX_PAYLOAD = 65535 - IPV4 - TCP;
    private static final byte[] SWITCH_MAC = {0x02, 0, 0, 0, 0, 0x01};
    private static final byte[] CONTROLLER_MAC = {0x02, 0, 0, 0, 0x66, 0x53};

    private TcpFrames() {
    }

    static byte[] frame(PcapRecord r) {
        TcpEnds e = r.ends();
        byte[] srcIp = r.fromSwitch() ? e.switchIp() : e.controllerIp();
        byte[] dstIp = r.fromSwitch() ? e.controllerIp() : e.switchIp();
        int srcPort = r.fromSwitch() ? e.switchPort() : TcpEnds.OPENFLOW_PORT;
        int dstPort = r.fromSwitch() ? TcpEnds.OPENFLOW_PORT : e.switchPort();
        ByteBuffer b = ByteBuffer.allocate(HEADERS + r.payload().length).order(ByteOrder.BIG_ENDIAN);
        b.put(r.fromSwitch() ? CONTROLLER_MAC : SWITCH_MAC).put(r.fromSwitch() ? SWITCH_MAC : CONTROLLER_MAC)
                .putShort((short) 0x0800);
        int ip = b.position();
        b.put((byte) 0x45).put((byte) 0).putShort((short) (IPV4 + TCP + r.payload().length))
                .putShort((short) 0).putShort((short) 0x4000)   // id 0, don't fragment
                .put((byte) 64).put((byte) 6).putShort((short) 0).put(srcIp).put(dstIp);
        b.putShort(ip + 10, (short) checksum(b.array(), ip, IPV4, 0));
        int tcp = b.position();
        b.putShort((short) srcPort).putShort((short) dstPort).putInt((int) r.seq()).putInt((int) r.ack())
                .put((byte) 0x50).put((byte) r.flags()).putShort((short) 65535).putShort((short) 0).putShort((short) 0)
                .put(r.payload());
        int tcpLength = TCP + r.payload().length;
        long pseudo = sum(srcIp, 0, 4) + sum(dstIp, 0, 4) + 6 + tcpLength;
        b.putShort(tcp + 16, (short) checksum(b.array(), tcp, tcpLength, pseudo));
        return b.array();
    }

    /** The Internet checksum (RFC 1071) of {@code length} bytes from {@code offset}, plus a partial sum. */
    static int checksum(byte[] bytes, int offset, int length, long partial) {
        long sum = partial + sum(bytes, offset, length);
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (int) (~sum & 0xffff);
    }

    private static long sum(byte[] bytes, int offset, int length) {
        long sum = 0;
        for (int i = 0; i + 1 < length; i += 2) {
            sum += ((bytes[offset + i] & 0xff) << 8) | (bytes[offset + i + 1] & 0xff);
        }
        if ((length & 1) == 1) {
            sum += (bytes[offset + length - 1] & 0xff) << 8;
        }
        return sum;
    }
}
