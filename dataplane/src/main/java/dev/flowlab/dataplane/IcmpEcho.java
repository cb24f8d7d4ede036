package dev.flowlab.dataplane;

import com.sun.jna.LastErrorException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;

/**
 * ICMP echo (what {@code ping} sends) from inside one host, on a raw socket that a JVM thread opens in
 * the host's namespace, to each target in turn, with the reason for each missing reply. A pingall over
 * N hosts needs N namespace entries instead of N*(N-1) ping processes.
 */
final class IcmpEcho {
    private static final int PAYLOAD = 56;       // ping's default data size
    private static final int EAGAIN = 11;
    private static final int EPERM = 1;
    private static final int EACCES = 13;
    private static final int ENETUNREACH = 101;
    private static final int EHOSTUNREACH = 113;
    /** Requests of one source waiting for their replies at the same time. */
    static final int WINDOW = 4;
    /** How often the receive loop looks at the clock while nothing arrives. */
    private static final long POLL_MICROS = 20_000;
    private static final SecureRandom IDS = new SecureRandom();

    private IcmpEcho() {
    }

    /**
     * What became of one echo request.
     *
     * @param rttMillis round-trip time, or -1 without a reply
     * @param failure   why there was no reply ("no reply within 1 s", "network unreachable"...), null with one
     */
    record Reply(double rttMillis, String failure) {
    }

    /** One {@link Reply} per target (same order), each target given up to {@code wait} for its reply. */
    static Reply[] ping(String namespace, List<String> targets, Duration wait) {
        return InNamespace.call(namespace, () -> {
            Libc c = Libc.c();
            int fd = c.socket(Libc.AF_INET, Libc.SOCK_RAW_CLOEXEC, Libc.IPPROTO_ICMP);
            try {
                c.setsockopt(fd, Libc.SOL_SOCKET, Libc.SO_RCVTIMEO, timeval(POLL_MICROS), 16);
                return exchange(c, fd, targets, wait);
            } finally {
                c.close(fd);
            }
        });
    }

    /**
     * At most {@value #WINDOW} requests of one source are waiting for their replies at a time, as a few
     * separate pings would be: a burst of requests to every host at once would queue up in a userspace
     * switch and turn round trips of a millisecond into seconds, while one at a time would make a
     * pingall over broken paths wait for every lost reply in turn.
     */
    private static Reply[] exchange(Libc c, int fd, List<String> targets, Duration wait) {
        int id = IDS.nextInt(0x10000);
        Reply[] replies = new Reply[targets.size()];
        long[] sentAt = new long[targets.size()];
        byte[][] addresses = new byte[targets.size()][];
        byte[] buffer = new byte[2048];
        String noReply = "no reply within " + seconds(wait);
        int next = 0;
        int waiting = 0;
        while (next < targets.size() || waiting > 0) {
            while (next < targets.size() && waiting < WINDOW) {
                addresses[next] = Rtnetlink.ipv4(targets.get(next));
                byte[] packet = echoRequest(id, next);
                sentAt[next] = System.nanoTime();
                try {
                    c.sendto(fd, packet, packet.length, 0, sockaddrIn(addresses[next]), 16);
                    waiting++;
                } catch (LastErrorException e) {
                    replies[next] = new Reply(-1, sendFailure(e.getErrorCode()));   // no route: known at once
                }
                next++;
            }
            long now = System.nanoTime();
            for (int seq = 0; seq < next; seq++) {
                if (replies[seq] == null && now - sentAt[seq] >= wait.toNanos()) {
                    replies[seq] = new Reply(-1, noReply);
                    waiting--;
                }
            }
            if (waiting == 0) {
                continue;
            }
            long n;
            try {
                n = c.recv(fd, buffer, buffer.length, 0);
            } catch (LastErrorException e) {
                if (e.getErrorCode() == EAGAIN) {
                    continue;
                }
                throw new DataplaneException("ICMP receive failed: " + Errno.describe(e.getErrorCode()));
            }
            int seq = matchingReply(buffer, (int) n, id);
            if (seq >= 0 && seq < next && replies[seq] == null && fromTarget(buffer, addresses[seq])) {
                replies[seq] = new Reply((System.nanoTime() - sentAt[seq]) / 1e6, null);
                waiting--;
                continue;
            }
            int failed = unreachableRequest(buffer, (int) n, id);
            if (failed >= 0 && failed < next && replies[failed] == null) {
                replies[failed] = new Reply(-1, unreachable(buffer[(buffer[0] & 0x0f) * 4 + 1] & 0xff));
                waiting--;
            }
        }
        return replies;
    }

    /**
     * The sequence number of our echo request that a Destination Unreachable message is about (it quotes
     * the request's IP header and first 8 bytes), or -1 for any other message. Such messages come from a
     * router, or from the source's own kernel when ARP found nobody.
     */
    static int unreachableRequest(byte[] ip, int length, int id) {
        int ihl = (ip[0] & 0x0f) * 4;
        if (length < ihl + 8 + 20 || ip[ihl] != 3 /* destination unreachable */) {
            return -1;
        }
        int inner = ihl + 8;
        int innerIhl = (ip[inner] & 0x0f) * 4;
        int icmp = inner + innerIhl;
        if (length < icmp + 8 || ip[inner + 9] != Libc.IPPROTO_ICMP || ip[icmp] != 8 /* echo request */) {
            return -1;
        }
        int requestId = ((ip[icmp + 4] & 0xff) << 8) | (ip[icmp + 5] & 0xff);
        return requestId == id ? ((ip[icmp + 6] & 0xff) << 8) | (ip[icmp + 7] & 0xff) : -1;
    }

    /** The words ping uses for a Destination Unreachable code. */
    static String unreachable(int code) {
        return switch (code) {
            case 0 -> "network unreachable";
            case 1 -> "host unreachable";
            case 9, 10, 13 -> "administratively prohibited";
            default -> "destination unreachable (code " + code + ")";
        };
    }

    private static String sendFailure(int errno) {
        return switch (errno) {
            case ENETUNREACH -> "network unreachable";
            case EHOSTUNREACH -> "host unreachable";
            case EPERM, EACCES -> "administratively prohibited";
            default -> "send failed: " + Errno.describe(errno);
        };
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
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
