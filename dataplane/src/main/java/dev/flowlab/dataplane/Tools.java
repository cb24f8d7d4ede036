package dev.flowlab.dataplane;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Finds the external programs the dataplane runs, also in the sbin directories a root PATH may lack. */
final class Tools {
    private static final Map<String, String> PACKAGES = Map.of(
            "ip", "iproute2", "tc", "iproute2", "ovs-vsctl", "openvswitch-switch",
            "ping", "iputils-ping", "iperf3", "iperf3", "unshare", "util-linux", "dumpcap", "wireshark-common");

    private Tools() {
    }

    /** Absolute path of {@code tool}, or the bare name when it is nowhere (running it then gives a clear error). */
    static String path(String tool) {
        for (String dir : searchPath()) {
            Path p = Path.of(dir, tool);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return tool;
    }

    static boolean exists(String tool) {
        return !path(tool).equals(tool);
    }

    /** The Debian package that ships {@code tool}, for error messages. */
    static String packageOf(String tool) {
        String name = Path.of(tool).getFileName().toString();
        return PACKAGES.getOrDefault(name, name);
    }

    /** Throws a one-line error naming the first missing tool and its package. */
    static void require(String... tools) {
        for (String t : tools) {
            if (!exists(t)) {
                throw new DataplaneException(t + " not found: install it (Debian: apt-get install " + packageOf(t) + ")");
            }
        }
    }

    private static List<String> searchPath() {
        List<String> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(":")));
        }
        dirs.addAll(List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"));
        return dirs;
    }
}
