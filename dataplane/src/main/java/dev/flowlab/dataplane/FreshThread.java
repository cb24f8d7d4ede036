package dev.flowlab.dataplane;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs work that moves its thread into another namespace (unshare, setns) on a new thread that ends
 * afterwards, so no pooled or caller thread can be left in a namespace that is not its own.
 */
final class FreshThread {
    private FreshThread() {
    }

    /** Runs {@code work} on a new thread named {@code name} and waits for it; its exception is rethrown here. */
    static void run(String name, Runnable work) {
        runAll(name, List.of(work));
    }

    /**
     * Runs each piece of {@code work} on a new thread of its own, all at once, and waits for every one; the
     * first exception (in list order) is rethrown here, once all have ended.
     */
    static void runAll(String name, List<Runnable> work) {
        RuntimeException[] failures = new RuntimeException[work.size()];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < work.size(); i++) {
            int index = i;
            Thread t = new Thread(() -> {
                try {
                    work.get(index).run();
                } catch (RuntimeException e) {
                    failures[index] = e;
                }
            }, work.size() == 1 ? name : name + "-" + i);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DataplaneException("interrupted while waiting for " + name);
            }
        }
        for (RuntimeException f : failures) {
            if (f != null) {
                throw f;
            }
        }
    }
}
