package dev.flowlab.dataplane;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The few libc calls the dataplane makes itself (Linux, 64-bit). They let a JVM thread enter a host's
 * network namespace and configure it there, instead of starting one process per host.
 */
interface Libc extends Library {
    int O_RDONLY_CLOEXEC = 0x80000;
    int CLONE_NEWNET = 0x40000000;
    int CLONE_NEWUTS = 0x04000000;
    int MNT_DETACH = 2;
    long MS_BIND = 4096;
    int AF_INET = 2;
    int AF_NETLINK = 16;
    int SOCK_DGRAM_CLOEXEC = 2 | 0x80000;
    int SOCK_RAW_CLOEXEC = 3 | 0x80000;
    int NETLINK_ROUTE = 0;
    int IPPROTO_ICMP = 1;
    int SOL_SOCKET = 1;
    int SO_RCVTIMEO = 20;
    /** A network namespace's 64-bit id, never reused while the machine runs (Linux 5.14+). */
    int SO_NETNS_COOKIE = 71;
    long SIOCETHTOOL = 0x8946;

    /** Loaded on first use, so a machine without JNA's native part fails only where it is needed. */
    final class Holder {
        static final Libc C = Native.load("c", Libc.class);

        private Holder() {
        }
    }

    static Libc c() {
        return Holder.C;
    }

    int open(String path, int flags) throws LastErrorException;

    int close(int fd);

    /** Moves the calling thread (only it) into the namespace {@code fd} refers to. */
    int setns(int fd, int nstype) throws LastErrorException;

    /** Moves the calling thread (only it, for network and UTS namespaces) into new namespaces. */
    int unshare(int flags) throws LastErrorException;

    int mount(String source, String target, String fstype, long flags, Pointer data) throws LastErrorException;

    int umount2(String target, int flags) throws LastErrorException;

    int sethostname(byte[] name, long length) throws LastErrorException;

    int socket(int domain, int type, int protocol) throws LastErrorException;

    int bind(int fd, byte[] address, int length) throws LastErrorException;

    long send(int fd, byte[] buffer, long length, int flags) throws LastErrorException;

    long recv(int fd, byte[] buffer, long length, int flags) throws LastErrorException;

    long sendto(int fd, byte[] buffer, long length, int flags, byte[] address, int addressLength)
            throws LastErrorException;

    int getsockopt(int fd, int level, int option, byte[] value, int[] length) throws LastErrorException;

    /** Fills {@code buffer} with struct utsname: six 65-byte fields, the NIS domain name last. */
    int uname(byte[] buffer) throws LastErrorException;

    int setdomainname(byte[] name, long length) throws LastErrorException;

    int setsockopt(int fd, int level, int option, byte[] value, int length) throws LastErrorException;

    int ioctl(int fd, long request, Pointer argument) throws LastErrorException;

    /** 0 when the calling thread's namespace has no such interface. */
    int if_nametoindex(String name);
}
