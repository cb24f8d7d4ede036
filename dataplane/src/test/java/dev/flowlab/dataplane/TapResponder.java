package dev.flowlab.dataplane;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;

import java.nio.charset.StandardCharsets;

/**
 * A tiny user-space host on a TAP device, run as its own process by {@link TapPortTest}: opens
 * {@code /dev/net/tun} with the TAP's name, prints READY, then answers ARP requests and ICMP echo
 * requests for its address, frame by frame, until killed.
 * Usage: {@code TapResponder DEVICE IPV4 MAC}.
 */
public final class TapResponder {
    private static final long TUNSETIFF = 0x400454caL;
    private static final short IFF_TAP = 0x0002;
    private static final short IFF_NO_PI = 0x1000;

    private interface C extends Library {
        C LIB = Native.load("c", C.class);

        int open(String path, int flags) throws LastErrorException;

        int ioctl(int fd, long request, byte[] ifreq) throws LastErrorException;

        long read(int fd, byte[] buffer, long count) throws LastErrorException;

        long write(int fd, byte[] buffer, long count) throws LastErrorException;
    }

    private final byte[] ip;
    private final byte[] mac;

    private TapResponder(byte[] ip, byte[] mac) {
        this.ip = ip;
        this.mac = mac;
    }

    public static void main(String[] args) {
        TapResponder r = new TapResponder(Rtnetlink.ipv4(args[1]), mac(args[2]));
        int fd = C.LIB.open("/dev/net/tun", 2);   // O_RDWR
        byte[] ifreq = new byte[40];
        byte[] name = args[0].getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, ifreq, 0, name.length);
        ifreq[16] = (byte) (IFF_TAP | IFF_NO_PI);
        ifreq[17] = (byte) ((IFF_TAP | IFF_NO_PI) >> 8);
        C.LIB.ioctl(fd, TUNSETIFF, ifreq);
        System.out.println("READY");
        System.out.flush();
        byte[] frame = new byte[65536];
        while (true) {
            int n = (int) C.LIB.read(fd, frame, frame.length);
            byte[] reply = r.answer(frame, n);
            if (reply != null) {
                C.LIB.write(fd, reply, reply.length);
            }
        }
    }

    /** The reply to an ARP request or ICMP echo request for our address, or null. */
    byte[] answer(byte[] f, int n) {
        int type = u16(f, 12);
        if (type == 0x0806 && n >= 42 && u16(f, 20) == 1 && same(f, 38, ip)) {
            byte[] r = new byte[42];
            System.arraycopy(f, 0, r, 0, 42);
            System.arraycopy(f, 6, r, 0, 6);          // to the asker
            System.arraycopy(mac, 0, r, 6, 6);
            r[21] = 2;                                // ARP reply
            System.arraycopy(f, 22, r, 32, 10);       // target = asker's MAC and IP
            System.arraycopy(mac, 0, r, 22, 6);       // sender = us
            System.arraycopy(ip, 0, r, 28, 4);
            return r;
        }
        if (type == 0x0800 && n >= 34 && f[23] == 1 && same(f, 30, ip)) {
            int ihl = (f[14] & 0x0f) * 4;
            int total = u16(f, 16);
            int icmp = 14 + ihl;
            if (f[icmp] != 8 || 14 + total > n) {
                return null;
            }
            byte[] r = new byte[14 + total];
            System.arraycopy(f, 0, r, 0, r.length);
            System.arraycopy(f, 6, r, 0, 6);
            System.arraycopy(mac, 0, r, 6, 6);
            System.arraycopy(ip, 0, r, 26, 4);        // from us
            System.arraycopy(f, 26, r, 30, 4);        // back to the sender
            r[22] = 64;                               // TTL
            r[icmp] = 0;                              // echo reply
            checksum(r, 14, ihl, 24);
            checksum(r, icmp, total - ihl, icmp + 2);
            return r;
        }
        return null;
    }

    private static void checksum(byte[] b, int from, int length, int at) {
        b[at] = 0;
        b[at + 1] = 0;
        long sum = 0;
        for (int i = 0; i < length; i += 2) {
            sum += ((b[from + i] & 0xff) << 8) | (i + 1 < length ? b[from + i + 1] & 0xff : 0);
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        b[at] = (byte) (~sum >> 8);
        b[at + 1] = (byte) ~sum;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | b[at + 1] & 0xff;
    }

    private static boolean same(byte[] b, int at, byte[] value) {
        for (int i = 0; i < value.length; i++) {
            if (b[at + i] != value[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] mac(String text) {
        String[] parts = text.split(":");
        byte[] m = new byte[6];
        for (int i = 0; i < 6; i++) {
            m[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return m;
    }
}
