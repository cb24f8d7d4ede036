package dev.flowlab.dataplane;

import com.sun.jna.LastErrorException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * ICMP echo (what {@code ping} sends) from inside one host, on a raw socket that a JVM thread opens in
 * the host's namespace, to each target in turn. A pingall over N hosts needs N namespace entries
 * instead of N*(N-1) ping processes.
 */
final class IcmpEcho {
    private static final int PAYLOAD = 56;       // ping's default data size
    private static final int EAGAIN = 11;
    private static final SecureRandom IDS = new SecureRandom();

    private IcmpEcho() {
    }

    /** Round-trip times in ms per target (same order), -1 where no reply came within {@code wait}. */
    static double[] ping(String namespace, List<String> targets, Duration wait) {
        return Netns.call(namespace, () -> {
            Libc c = Libc.c();
            int fd = c.socket(Libc.AF_INET, Libc.SOCK_RAW_CLOEXEC, Libc.IPPROTO_ICMP);
            try {
                c.setsockopt(fd, Libc.SOL_SOCKET, Libc.SO_RCVTIMEO, timeval(20_000), 16);
                return exchange(c, fd, targets, wait);
            } finally {
                c.close(fd);
            }
        });
    }

    /**
     * One target after the other, each given up to {@code wait} for its reply, as separate pings would
     * be: a burst of requests to every host at once would queue up in a userspace switch and turn
     * round trips of a millisecond into seconds.
     */
    private static double[] exchange(Libc c, int fd, List<String> targets, Duration wait) {
        int id = IDS.nextInt(0x10000);
        double[] rtt = new double[targets.size()];
        Arrays.fill(rtt, -1);
        byte[] buffer = new byte[2048];
        for (int seq = 0; seq < targets.size(); seq++) {
            byte[] address = Rtnetlink.ipv4(targets.get(seq));
            byte[] packet = echoRequest(id, seq);
            long sentAt = System.nanoTime();
            try {
                c.sendto(fd, packet, packet.length, 0, sockaddrIn(address), 16);
            } catch (LastErrorException e) {
                continue;   // unreachable right away (no route): lost, like ping's error exit
            }
            long deadline = sentAt + wait.toNanos();
            while (System.nanoTime() < deadline) {
                long n;
                try {
                    n = c.recv(fd, buffer, buffer.length, 0);
                } catch (LastErrorException e) {
                    if (e.getErrorCode() == EAGAIN) {
                        continue;
                    }
                    throw new DataplaneException("ICMP receive failed: " + Errno.describe(e.getErrorCode()));
                }
                if (matchingReply(buffer, (int) n, id) == seq && fromTarget(buffer, address)) {
                    rtt[seq] = (System.nanoTime() - sentAt) / 1e6;
                    break;
                }
            }
        }
        return rtt;
    }

    /** The sequence number of an echo reply with our id, or -1 for any other ICMP message. */
    static int matchingReply(byte[] ip, int length, int id) {
        int ihl = (ip[0] & 0x0f) * 4;
        if (length < ihl + 8 || ip[ihl] != 0 /* echo reply */) {
            return -1;
        }
        int replyId = ((ip[ihl + 4] & 0xff) << 8) | (ip[ihl + 5] & 0xff);
        return replyId == id ? ((ip[ihl + 6] & 0xff) << 8) | (ip[ihl + 7] & 0xff) : -1;
    }

    private static boolean fromTarget(byte[] ip, byte[] target) {
        return ip[12] == target[0] && ip[13] == target[1] && ip[14] == target[2] && ip[15] == target[3];
    }

    /** Type 8, code 0, checksum, id, sequence, then a payload (network byte order). */
    static byte[] echoRequest(int id, int seq) {
        ByteBuffer b = ByteBuffer.allocate(8 + PAYLOAD).order(ByteOrder.BIG_ENDIAN);
        b.put((byte) 8).put((byte) 0).putShort((short) 0).putShort((short) id).putShort((short) seq);
        for (int i = 0; i < PAYLOAD; i++) {
            b.put((byte) (0x10 + i));
        }
        byte[] packet = b.array();
        int sum = checksum(packet);
        packet[2] = (byte) (sum >> 8);
        packet[3] = (byte) sum;
        return packet;
    }

    /** The Internet checksum (RFC 1071). */
    static int checksum(byte[] data) {
        long sum = 0;
        for (int i = 0; i + 1 < data.length; i += 2) {
            sum += ((data[i] & 0xff) << 8) | (data[i + 1] & 0xff);
        }
        if (data.length % 2 == 1) {
            sum += (data[data.length - 1] & 0xff) << 8;
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (int) (~sum & 0xffff);
    }

    private static byte[] sockaddrIn(byte[] address) {
        byte[] sa = new byte[16];
        sa[0] = (byte) Libc.AF_INET;   // sin_family, little-endian short on the platforms we run on
        System.arraycopy(address, 0, sa, 4, 4);
        return sa;
    }

    private static byte[] timeval(long micros) {
        return ByteBuffer.allocate(16).order(ByteOrder.nativeOrder())
                .putLong(micros / 1_000_000).putLong(micros % 1_000_000).array();
    }
}
