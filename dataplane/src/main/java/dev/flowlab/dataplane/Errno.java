package dev.flowlab.dataplane;

import java.util.Map;

/** Names for the errno values the kernel answers most often, so errors read like iproute2's. */
final class Errno {
    private static final Map<Integer, String> NAMES = Map.of(
            1, "Operation not permitted (run as root)",
            2, "No such file or directory",
            17, "File exists",
            19, "No such device",
            22, "Invalid argument",
            95, "Operation not supported",
            99, "Cannot assign requested address",
            101, "Network is unreachable");

    private Errno() {
    }

    static String describe(int errno) {
        return NAMES.getOrDefault(errno, "errno " + errno);
    }
}
