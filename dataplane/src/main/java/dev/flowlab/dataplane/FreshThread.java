package dev.flowlab.dataplane;

/**
 * Runs work that moves its thread into another namespace (unshare, setns) on a new thread that ends
 * afterwards, so no pooled or caller thread can be left in a namespace that is not its own.
 */
final class FreshThread {
    private FreshThread() {
    }

    /** Runs {@code work} on a new thread named {@code name} and waits for it; its exception is rethrown here. */
    static void run(String name, Runnable work) {
        RuntimeException[] failure = new RuntimeException[1];
        Thread t = new Thread(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                failure[0] = e;
            }
        }, name);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataplaneException("interrupted while waiting for " + name);
        }
        if (failure[0] != null) {
            throw failure[0];
        }
    }
}
