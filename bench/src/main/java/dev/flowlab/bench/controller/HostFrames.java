package dev.flowlab.bench.controller;

import java.nio.ByteBuffer;

/**
 * Real Ethernet frames between the emulated hosts of an emulated switch: IPv4/UDP, 60 bytes (the
 * Ethernet minimum without FCS), so a controller that parses the frame sees a valid packet.
 *
 * <p>Host {@code h} of switch {@code s} has MAC {@code 02:ss:ss:hh:hh:hh} (locally administered,
 * unicast, unique across switches) and an IPv4 address in 10.0.0.0/8 that is unique too (for up to
 * 2^24 hosts in all): a controller that tracks hosts by address sees each stay where it is, as in a
 * real network, instead of addresses jumping between switches.
 */
final class HostFrames {
    static final int FRAME_LENGTH = 60;
    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int IP_PROTOCOL_UDP = 17;
    private static final int IPV4_HEADER_LENGTH = 20;
    private static final int UDP_HEADER_LENGTH = 8;

    private HostFrames() {
    }

    /** The 6 bytes of host {@code host}'s MAC address on switch {@code switchIndex}. */
    static byte[] mac(int switchIndex, int host) {
        return new byte[] {0x02, (byte) (switchIndex >>> 8), (byte) switchIndex,
                (byte) (host >>> 16), (byte) (host >>> 8), (byte) host};
    }

    /** {@code macs}: hosts per switch, to number the hosts of all switches one after the other. */
    static byte[] udpFrame(int switchIndex, int macs, int srcHost, int dstHost) {
        ByteBuffer frame = ByteBuffer.allocate(FRAME_LENGTH);
        frame.put(mac(switchIndex, dstHost)).put(mac(switchIndex, srcHost)).putShort((short) ETHERTYPE_IPV4);

        int ipStart = frame.position();
        int ipLength = FRAME_LENGTH - ipStart;
        frame.put((byte) 0x45).put((byte) 0)          // version 4, IHL 5; DSCP/ECN 0
                .putShort((short) ipLength)
                .putShort((short) 0).putShort((short) 0x4000) // id 0, don't fragment
                .put((byte) 64).put((byte) IP_PROTOCOL_UDP)
                .putShort((short) 0)                   // checksum, filled in below
                .putInt(ipv4(switchIndex, macs, srcHost)).putInt(ipv4(switchIndex, macs, dstHost));
        frame.putShort(ipStart + 10, ipv4Checksum(frame.array(), ipStart));

        frame.putShort((short) 5001).putShort((short) 5001)
                .putShort((short) (ipLength - IPV4_HEADER_LENGTH))
                .putShort((short) 0);                  // UDP checksum 0 = none (allowed in IPv4)
        assert frame.position() == ipStart + IPV4_HEADER_LENGTH + UDP_HEADER_LENGTH;
        return frame.array();                          // the rest is zero payload
    }

    static int ipv4(int switchIndex, int macs, int host) {
        long number = 1 + (long) switchIndex * macs + host;     // 10.0.0.1 onwards
        return (10 << 24) | (int) (number & 0xffffff);
    }

    private static short ipv4Checksum(byte[] bytes, int start) {
        int sum = 0;
        for (int i = start; i < start + IPV4_HEADER_LENGTH; i += 2) {
            sum += ((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff);
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (short) ~sum;
    }
}
