package dev.flowlab.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Open vSwitch commands the shell's switch stop/start and the experiment still run themselves.
 * Temporary: each has its operation on the dataplane's {@code OvsBridge} now, and goes once its
 * callers use that.
 */
public final class Ovs {
    private Ovs() {
    }

    /** The bridge's ports (interface names), as OVS has them. */
    public static List<String> ports(String bridge) {
        return run("ovs-vsctl", "list-ports", bridge).lines().filter(l -> !l.isBlank()).toList();
    }

    /** The bridge's controller targets; empty when it has none. */
    public static List<String> controllers(String bridge) {
        return run("ovs-vsctl", "get-controller", bridge).lines().filter(l -> !l.isBlank()).toList();
    }

    public static void setControllers(String bridge, List<String> targets) {
        List<String> argv = new ArrayList<>(List.of("ovs-vsctl", "set-controller", bridge));
        argv.addAll(targets);
        run(argv.toArray(String[]::new));
    }

    public static void deleteControllers(String bridge) {
        run("ovs-vsctl", "del-controller", bridge);
    }

    /** Sets an interface of the default namespace (a switch port) administratively up or down. */
    public static void setLink(String iface, boolean up) {
        run("ip", "link", "set", iface, up ? "up" : "down");
    }

    /** Runs a command of the default namespace (ovs-vsctl, ip...); its output, or one line naming the failure. */
    public static String run(String... argv) {
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", argv) + ": timed out");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", argv) + " failed: " + out.strip());
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(Arrays.toString(argv) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", argv), e);
        }
    }
}
