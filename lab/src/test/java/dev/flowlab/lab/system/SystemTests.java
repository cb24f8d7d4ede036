package dev.flowlab.lab.system;

import dev.flowlab.dataplane.DataplaneException;
import dev.flowlab.dataplane.ExecResult;
import dev.flowlab.dataplane.ProcessRunner;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What system tests share (here and in the command line's tests, through this module's test jar):
 * commands through the dataplane's one process runner, a free TCP port, waiting on a condition. The
 * root/OVS precondition and the leftover checks are {@link dev.flowlab.testkit.SystemTest}'s.
 */
public final class SystemTests {
    /** The longest a test waits for a condition of a network it built (generous: CI has 2 shared cores). */
    public static final Duration WAIT = Duration.ofSeconds(90);

    private SystemTests() {
    }

    /** Runs a command and returns its exit code and output; a non-zero exit or a missing program is a result, not a throw. */
    public static ExecResult sh(String... argv) {
        try {
            return ProcessRunner.run(argv);
        } catch (DataplaneException e) {
            return new ExecResult(-1, "", e.getMessage());
        }
    }

    /** Runs a command that must succeed; its standard output. */
    public static String must(String... argv) {
        return ProcessRunner.check(argv).stdout();
    }

    /**
     * Open vSwitch's machine-wide SSL record, its four columns as {@code ovs-vsctl --bare} prints them (empty
     * without one): read here, not through the code under test, so the TLS tests can check it comes back.
     */
    public static String ovsSsl() {
        return must("ovs-vsctl", "--bare", "--columns=private_key,certificate,ca_cert,bootstrap_ca_cert", "list", "SSL");
    }

    /**
     * Makes the flow counters OpenFlow reports current: the userspace datapath hands a flow's packets to its
     * OpenFlow entry only at its next revalidation (every half second or so, later on a busy machine); a purge of
     * the datapath's flows hands them over at once, as Open vSwitch's own tests do. Packets after it set the
     * datapath's flows up again.
     */
    public static void flushDatapathCounters() {
        must("ovs-appctl", "revalidator/purge");
    }

    /** A port nobody listens on right now, for a server the test starts itself. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Waits until {@code condition} holds, at most {@link #WAIT}; fails naming {@code what} otherwise. */
    public static void until(String what, BooleanSupplier condition) {
        until(what, condition::getAsBoolean, done -> done);
    }

    /**
     * Reads {@code read} until what it returns satisfies {@code done}, at most {@link #WAIT}, and returns that;
     * fails naming {@code what} and the last value read otherwise (counters that never came, for example).
     */
    public static <T> T until(String what, Supplier<T> read, Predicate<? super T> done) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        T value = read.get();
        while (!done.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + WAIT.toSeconds() + " s waiting until " + what
                        + (value instanceof Boolean ? "" : "; last read: " + value));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what, e);
            }
            value = read.get();
        }
        return value;
    }
}
