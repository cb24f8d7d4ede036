package dev.flowlab.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The few Open vSwitch commands the CLI runs itself: dump flows when flowlab's controller is not
 * the one in charge, switch a bridge off and on, and see whether bridges reached their controller.
 */
public final class Ovs {
    private Ovs() {
    }

    /** {@code ovs-ofctl dump-flows} of a bridge, without the reply header. */
    public static List<String> dumpFlows(String bridge) {
        String out = run("ovs-ofctl", "-O", "OpenFlow13", "dump-flows", bridge);
        return out.lines().filter(l -> !l.startsWith("OFPST_FLOW")).map(String::strip).toList();
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

    /** True when every controller of every named bridge reports is_connected (OVS's own, slower, view). */
    public static boolean allConnected(List<String> bridges) {
        for (String bridge : bridges) {
            List<String> uuids = controllerUuids(bridge);
            if (uuids.isEmpty()) {
                throw new IllegalStateException("bridge " + bridge + " has no controller");
            }
            for (String uuid : uuids) {
                if (!run("ovs-vsctl", "get", "controller", uuid, "is_connected").strip().equals("true")) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Sets an interface of the default namespace (a switch port) administratively up or down. */
    public static void setLink(String iface, boolean up) {
        run("ip", "link", "set", iface, up ? "up" : "down");
    }

    private static List<String> controllerUuids(String bridge) {
        String uuids = run("ovs-vsctl", "--bare", "get", "bridge", bridge, "controller");
        return Arrays.stream(uuids.replace("[", "").replace("]", "").split("[ ,\\s]+"))
                .filter(u -> !u.isBlank()).toList();
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
