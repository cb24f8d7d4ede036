package dev.flowlab.dataplane;

import com.sun.jna.LastErrorException;

import java.util.concurrent.Callable;

/**
 * Runs code with the calling thread inside a named network namespace ({@code /run/netns/NAME}), then
 * puts the thread back. setns(2) with CLONE_NEWNET moves only the calling thread, so the rest of the
 * JVM stays where it was; sockets and {@code /proc/sys/net} opened meanwhile belong to the namespace.
 */
final class InNamespace {
    static final String DIR = "/run/netns";

    private InNamespace() {
    }

    /** Runs {@code task} inside {@code namespace}, or in the current namespace when it is null. */
    static <T> T call(String namespace, Callable<T> task) {
        if (namespace == null) {
            return callUnchecked(task);
        }
        Libc c = Libc.c();
        int home = c.open("/proc/thread-self/ns/net", Libc.O_RDONLY_CLOEXEC);
        try {
            int target;
            try {
                target = c.open(DIR + "/" + namespace, Libc.O_RDONLY_CLOEXEC);
            } catch (LastErrorException e) {
                throw new DataplaneException("network namespace " + namespace + " does not exist");
            }
            try {
                c.setns(target, Libc.CLONE_NEWNET);
            } finally {
                c.close(target);
            }
            try {
                return callUnchecked(task);
            } finally {
                returnHome(c, home);
            }
        } finally {
            c.close(home);
        }
    }

    static void run(String namespace, Runnable task) {
        call(namespace, () -> {
            task.run();
            return null;
        });
    }

    private static void returnHome(Libc c, int home) {
        try {
            c.setns(home, Libc.CLONE_NEWNET);
        } catch (LastErrorException e) {
            // A thread left in a host's namespace would do later work in the wrong place: end it.
            throw new IllegalStateException("cannot return thread to its network namespace: " + e.getMessage(), e);
        }
    }

    private static <T> T callUnchecked(Callable<T> task) {
        try {
            return task.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new DataplaneException(e.getMessage(), e);
        }
    }
}
