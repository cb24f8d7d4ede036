package dev.flowlab.cli.system;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What system tests share: the root/OVS precondition, running commands, a free TCP port. */
final class SystemTests {
    private SystemTests() {
    }

    /** Skips the test (with the reason) unless we are root and Open vSwitch answers. */
    static void assumeRootWithOvs() {
        assumeTrue("root".equals(System.getProperty("user.name")),
                "system test: needs root (namespaces, veths, Open vSwitch); CI runs it as root");
        assumeTrue(sh("ovs-vsctl", "--timeout=5", "show").exitCode == 0,
                "system test: Open vSwitch is not running (./flowlab test starts it)");
    }

    record Run(int exitCode, String output) {
    }

    /** Runs a command and returns its exit code and output; never throws for a non-zero exit. */
    static Run sh(String... argv) {
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Run(-1, out);
            }
            return new Run(p.exitValue(), out);
        } catch (IOException e) {
            return new Run(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Run(-1, "interrupted");
        }
    }

    /** Runs a command that must succeed. */
    static String must(String... argv) {
        Run r = sh(argv);
        if (r.exitCode != 0) {
            throw new IllegalStateException(String.join(" ", argv) + " failed (" + r.exitCode + "): " + r.output);
        }
        return r.output;
    }

    /** A port nobody listens on right now, for a server the test starts itself. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static List<String> leftovers(String prefix) {
        return dev.flowlab.cli.Leftovers.named(prefix);
    }
}
