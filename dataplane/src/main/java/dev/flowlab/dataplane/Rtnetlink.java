package dev.flowlab.dataplane;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A route-netlink socket in the calling thread's network namespace: the handful of requests a host
 * needs (link up/down, IPv4 address, route) plus turning TX checksum offload off (ethtool ioctl).
 * Requests are acknowledged one by one so a failure names the request that failed.
 */
final class Rtnetlink implements AutoCloseable {
    private static final short RTM_NEWLINK = 16;
    private static final short RTM_NEWADDR = 20;
    private static final short RTM_NEWROUTE = 24;
    private static final short NLMSG_ERROR = 2;
    private static final short NLM_F_REQUEST = 1;
    private static final short NLM_F_ACK = 4;
    private static final short NLM_F_EXCL = 0x200;
    private static final short NLM_F_CREATE = 0x400;
    private static final int IFF_UP = 1;
    private static final short IFLA_IFNAME = 3;
    private static final short IFA_ADDRESS = 1;
    private static final short IFA_LOCAL = 2;
    private static final short RTA_DST = 1;
    private static final short RTA_OIF = 4;
    private static final short RTA_GATEWAY = 5;
    private static final int ETHTOOL_STXCSUM = 0x17;

    private final Libc c = Libc.c();
    private final int fd;
    private final byte[] reply = new byte[8192];
    private int seq;

    Rtnetlink() {
        fd = c.socket(Libc.AF_NETLINK, Libc.SOCK_RAW_CLOEXEC, Libc.NETLINK_ROUTE);
        byte[] sockaddrNl = new byte[12];
        sockaddrNl[0] = (byte) Libc.AF_NETLINK;
        c.bind(fd, sockaddrNl, sockaddrNl.length);
    }

    /** Sets an interface up or down, by name. */
    void setUp(String ifname, boolean up) {
        ByteBuffer m = message(RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK);
        m.put((byte) 0).put((byte) 0).putShort((short) 0).putInt(0); // ifinfomsg: family, pad, type, index
        m.putInt(up ? IFF_UP : 0).putInt(IFF_UP);                    // flags, change mask
        attribute(m, IFLA_IFNAME, cString(ifname));
        request(m, "set " + ifname + (up ? " up" : " down"));
    }

    /** Adds {@code address/prefix} to an interface, like {@code ip addr add}. */
    void addAddress(String ifname, String address, int prefix) {
        byte[] ip = ipv4(address);
        ByteBuffer m = message(RTM_NEWADDR, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL);
        m.put((byte) Libc.AF_INET).put((byte) prefix).put((byte) 0).put((byte) 0).putInt(index(ifname));
        attribute(m, IFA_LOCAL, ip);
        attribute(m, IFA_ADDRESS, ip);
        request(m, "add address " + address + "/" + prefix + " to " + ifname);
    }

    /** Adds a route to {@code dst/prefix} (0.0.0.0/0 for the default route) via {@code gateway}. */
    void addRoute(String dst, int prefix, String gateway, String ifname) {
        ByteBuffer m = message(RTM_NEWROUTE, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL);
        // rtmsg: family, dst_len, src_len, tos, table main, protocol boot, scope universe, type unicast, flags
        m.put((byte) Libc.AF_INET).put((byte) prefix).put((byte) 0).put((byte) 0)
                .put((byte) 254).put((byte) 3).put((byte) 0).put((byte) 1).putInt(0);
        if (prefix > 0) {
            attribute(m, RTA_DST, ipv4(dst));
        }
        attribute(m, RTA_GATEWAY, ipv4(gateway));
        if (ifname != null) {
            attribute(m, RTA_OIF, le32(index(ifname)));
        }
        request(m, "add route " + dst + "/" + prefix + " via " + gateway);
    }

    /**
     * Turns TX checksum offload off, like {@code ethtool -K IF tx off}. With the userspace datapath a
     * veth would otherwise hand OVS TCP segments whose checksum is never filled in.
     */
    void txChecksumOff(String ifname) {
        int sock = c.socket(Libc.AF_INET, Libc.SOCK_DGRAM_CLOEXEC, 0);
        try (Memory value = new Memory(8); Memory ifreq = new Memory(40)) {
            value.setInt(0, ETHTOOL_STXCSUM);
            value.setInt(4, 0);
            ifreq.clear();
            ifreq.write(0, cString(ifname), 0, Math.min(ifname.length(), 15));
            ifreq.setPointer(16, value);
            c.ioctl(sock, Libc.SIOCETHTOOL, ifreq);
        } catch (LastErrorException e) {
            throw new DataplaneException("cannot turn TX checksum offload off on " + ifname + ": errno " + e.getErrorCode());
        } finally {
            c.close(sock);
        }
    }

    /** The interface's index in this namespace; a clear error when it is missing. */
    int index(String ifname) {
        int index = c.if_nametoindex(ifname);
        if (index == 0) {
            throw new DataplaneException("interface " + ifname + " not found");
        }
        return index;
    }

    @Override
    public void close() {
        c.close(fd);
    }

    private ByteBuffer message(short type, int flags) {
        ByteBuffer m = ByteBuffer.allocate(256).order(ByteOrder.nativeOrder());
        m.putInt(0).putShort(type).putShort((short) flags).putInt(++seq).putInt(0);
        return m;
    }

    private static void attribute(ByteBuffer m, short type, byte[] data) {
        m.putShort((short) (4 + data.length)).putShort(type).put(data);
        while (m.position() % 4 != 0) {
            m.put((byte) 0);
        }
    }

    private void request(ByteBuffer m, String what) {
        int length = m.position();
        m.putInt(0, length);
        try {
            c.send(fd, m.array(), length, 0);
            long n = c.recv(fd, reply, reply.length, 0);
            ByteBuffer r = ByteBuffer.wrap(reply, 0, (int) n).order(ByteOrder.nativeOrder());
            if (n < 20 || r.getShort(4) != NLMSG_ERROR) {
                throw new DataplaneException(what + ": unexpected netlink reply");
            }
            int error = r.getInt(16);
            if (error != 0) {
                throw new DataplaneException(what + ": " + Errno.describe(-error));
            }
        } catch (LastErrorException e) {
            throw new DataplaneException(what + ": " + Errno.describe(e.getErrorCode()));
        }
    }

    static byte[] cString(String s) {
        byte[] b = new byte[s.length() + 1];
        System.arraycopy(s.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, b, 0, s.length());
        return b;
    }

    private static byte[] le32(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(v).array();
    }

    /** Dotted quad to bytes, without ever asking a resolver (this may run inside a host's namespace). */
    static byte[] ipv4(String address) {
        String[] parts = address.split("\\.");
        if (parts.length != 4) {
            throw new DataplaneException(address + " is not an IPv4 address");
        }
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            int v;
            try {
                v = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                v = -1;
            }
            if (v < 0 || v > 255) {
                throw new DataplaneException(address + " is not an IPv4 address");
            }
            b[i] = (byte) v;
        }
        return b;
    }
}
