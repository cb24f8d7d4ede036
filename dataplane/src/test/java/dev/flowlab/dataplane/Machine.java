package dev.flowlab.dataplane;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What system tests need from this machine: skip without root/OVS, and a look at what is left. */
final class Machine {
    private Machine() {
    }

    /** Skips the test (with the reason) unless root with Open vSwitch running. */
    static void assumeRootWithOvs() {
        Assumptions.assumeTrue(Preflight.effectiveUid() == 0, "system test: needs root (namespaces, veths, OVS)");
        Assumptions.assumeTrue(Tools.exists("ovs-vsctl") && Tools.exists("ip"), "system test: needs ovs-vsctl and ip");
        Assumptions.assumeTrue(ProcessRunner.run(Tools.path("ovs-vsctl"), "--timeout=5", "show").ok()
                && Preflight.processRunning("ovs-vswitchd"), "system test: Open vSwitch is not running");
    }

    static List<String> namespaces(String prefix) {
        return list(Path.of(InNamespace.DIR), prefix);
    }

    static List<String> rootInterfaces(String prefix) {
        return list(Path.of("/sys/class/net"), prefix);
    }

    static List<String> bridges(String prefix) {
        return ProcessRunner.check(Tools.path("ovs-vsctl"), "list-br").stdout().lines()
                .filter(b -> b.startsWith(prefix)).toList();
    }

    /** Nothing with this name prefix anywhere: no namespace, interface (veth or bridge port), bridge. */
    static void assertNothingLeft(String prefix) {
        assertThat(namespaces(prefix)).as("namespaces left").isEmpty();
        assertThat(rootInterfaces(prefix)).as("interfaces left").isEmpty();
        assertThat(bridges(prefix)).as("bridges left").isEmpty();
    }

    /** Removes everything with this prefix that a failed test may have left (only the test's own names). */
    static void removeLeftovers(String prefix) {
        StringBuilder batch = new StringBuilder();
        namespaces(prefix).forEach(ns -> batch.append("netns del ").append(ns).append('\n'));
        rootInterfaces(prefix).stream().filter(i -> i.contains("-eth"))
                .forEach(i -> batch.append("link del ").append(i).append('\n'));
        if (batch.length() > 0) {
            ProcessRunner.run(List.of(Tools.path("ip"), "-force", "-batch", "-"), batch.toString(), ProcessRunner.DEFAULT_TIMEOUT);
        }
        List<String> bridges = bridges(prefix);
        if (!bridges.isEmpty()) {
            OvsCommands.deleteBridges(bridges, ProcessRunner.DEFAULT_TIMEOUT);
        }
    }

    private static List<String> list(Path dir, String prefix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return new ArrayList<>(s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)).sorted().toList());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
