package dev.flowlab.lab;

import java.time.Duration;
import java.util.List;

/**
 * Waits until OVS reports every bridge connected to an external controller ({@code is_connected}):
 * the only view there is when the controller is not flowlab's own, and a slower one (OVS sets it
 * seconds after TCP is up). Temporary home: this belongs to the dataplane, which will offer it on
 * the network itself.
 */
final class OvsConnections {
    private static final long POLL_MILLIS = 100;

    private OvsConnections() {
    }

    static void await(List<String> bridges, String target, Duration timeout, Progress.Stage step) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Ovs.allConnected(bridges)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("switches did not connect to " + target + " within "
                        + timeout.toSeconds() + " s: is the controller running and listening there?");
            }
            step.progress("waiting for OVS to connect to " + target);
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the switches", e);
            }
        }
    }
}
