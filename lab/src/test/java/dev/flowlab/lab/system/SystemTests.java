package dev.flowlab.lab.system;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.flowlab.dataplane.DataplaneException;
import dev.flowlab.dataplane.ExecResult;
import dev.flowlab.dataplane.ProcessRunner;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * What system tests share (here and in the command line's tests, through this module's test jar):
 * the root/OVS precondition, commands through the dataplane's one process runner, a free TCP port,
 * waiting on a condition, and what a test left behind.
 */
public final class SystemTests {
    /** The longest a test waits for a condition of a network it built (generous: CI has 2 shared cores). */
    public static final Duration WAIT = Duration.ofSeconds(90);

    private SystemTests() {
    }

    /** Skips the test (with the reason) unless we are root and Open vSwitch answers. */
    public static void assumeRootWithOvs() {
        assumeTrue("root".equals(System.getProperty("user.name")),
                "system test: needs root (namespaces, veths, Open vSwitch); CI runs it as root");
        assumeTrue(sh("ovs-vsctl", "--timeout=5", "show").ok(),
                "system test: Open vSwitch is not running (./flowlab test starts it)");
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

    /** A port nobody listens on right now, for a server the test starts itself. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Waits until {@code condition} holds, at most {@link #WAIT}; fails naming {@code what} otherwise. */
    public static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + WAIT.toSeconds() + " s waiting until " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what, e);
            }
        }
    }

    /** Namespaces, OVS bridges and veths on this machine whose name starts with {@code prefix}: what a test left. */
    public static List<String> leftovers(String prefix) {
        List<String> found = new ArrayList<>();
        for (String line : sh("ip", "netns", "list").stdout().split("\n")) {
            String name = line.split(" ")[0];
            if (name.startsWith(prefix)) {
                found.add("netns " + name);
            }
        }
        for (String br : sh("ovs-vsctl", "--timeout=10", "list-br").stdout().split("\n")) {
            if (br.startsWith(prefix)) {
                found.add("bridge " + br);
            }
        }
        for (String line : sh("ip", "-o", "link", "show", "type", "veth").stdout().split("\n")) {
            String[] f = line.split(": ");
            if (f.length > 1 && f[1].startsWith(prefix)) {
                found.add("veth " + f[1].split("@")[0]);
            }
        }
        return found;
    }
}
