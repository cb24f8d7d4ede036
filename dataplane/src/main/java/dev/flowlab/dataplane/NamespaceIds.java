package dev.flowlab.dataplane;

import com.sun.jna.LastErrorException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * What tells one namespace from another beyond its inode. The kernel gives a freed namespace's inode
 * number to the next namespace made, so a namespace someone makes under the same name after the run's
 * was deleted can carry the very inode the run recorded. A network namespace's cookie is never reused;
 * a UTS namespace carries a mark flowlab writes into it (its NIS domain name, which nothing in a host uses).
 */
final class NamespaceIds {
    private static final int ENOPROTOOPT = 92;
    private static final int UTS_FIELD = 65;

    private NamespaceIds() {
    }

    /** The network namespace cookie of the calling thread's namespace, or -1 where the kernel has none (before 5.14). */
    static long cookieHere() {
        Libc c = Libc.c();
        int fd = c.socket(Libc.AF_INET, Libc.SOCK_DGRAM_CLOEXEC, 0);
        try {
            byte[] value = new byte[8];
            c.getsockopt(fd, Libc.SOL_SOCKET, Libc.SO_NETNS_COOKIE, value, new int[] {8});
            return ByteBuffer.wrap(value).order(ByteOrder.nativeOrder()).getLong();
        } catch (LastErrorException e) {
            if (e.getErrorCode() == ENOPROTOOPT) {
                return -1;
            }
            throw new DataplaneException("cannot read the network namespace cookie: " + Errno.describe(e.getErrorCode()), e);
        } finally {
            c.close(fd);
        }
    }

    /** The cookie of a named network namespace, or -1 where the kernel has none. */
    static long cookie(String namespace) {
        return InNamespace.call(namespace, NamespaceIds::cookieHere);
    }

    /** The mark a run writes into each UTS namespace it makes. */
    static String utsMark(String runId) {
        return "flowlab-" + runId;
    }

    /** Writes {@code mark} into the calling thread's UTS namespace. */
    static void markUtsHere(String mark) {
        byte[] b = mark.getBytes(StandardCharsets.US_ASCII);
        Libc.c().setdomainname(b, b.length);
    }

    /** The mark (NIS domain name) of the UTS namespace mounted on {@code file}. */
    static String utsMark(Path file) {
        String[] mark = new String[1];
        FreshThread.run("flowlab-uts-check", () -> {
            Libc c = Libc.c();
            int fd = c.open(file.toString(), Libc.O_RDONLY_CLOEXEC);
            try {
                c.setns(fd, Libc.CLONE_NEWUTS);
            } finally {
                c.close(fd);
            }
            byte[] uts = new byte[6 * UTS_FIELD + 64];
            c.uname(uts);
            int start = 5 * UTS_FIELD;
            int end = start;
            while (end < start + UTS_FIELD && uts[end] != 0) {
                end++;
            }
            mark[0] = new String(uts, start, end - start, StandardCharsets.US_ASCII);
        });
        return mark[0];
    }
}
