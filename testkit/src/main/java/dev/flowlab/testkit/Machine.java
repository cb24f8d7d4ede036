package dev.flowlab.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Whether this machine can run system tests: root, and an Open vSwitch that answers. Asked once per JVM. */
final class Machine {
    private static volatile Optional<String> whyNot;

    private Machine() {
    }

    /** Empty when system tests can run here; otherwise the reason they are skipped. */
    static Optional<String> whySystemTestsCannotRun() {
        Optional<String> answer = whyNot;
        if (answer == null) {
            answer = ask();
            whyNot = answer;
        }
        return answer;
    }

    private static Optional<String> ask() {
        if (effectiveUid() != 0) {
            return Optional.of("system test: needs root (namespaces, veths, Open vSwitch); ./flowlab test runs it as root");
        }
        if (Commands.run("ovs-vsctl", "--timeout=5", "show").exitCode() != 0) {
            return Optional.of("system test: Open vSwitch is not answering (./flowlab test starts it, or "
                    + "/usr/share/openvswitch/scripts/ovs-ctl start)");
        }
        return Optional.empty();
    }

    /** The effective uid of this process, from /proc (-1 when unknown: not root). */
    private static long effectiveUid() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("Uid:"))
                    .map(l -> Long.parseLong(l.split("\\s+")[2]))
                    .findFirst().orElse(-1L);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
