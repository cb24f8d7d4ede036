package dev.flowlab.testkit;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * What a test left on this machine under a name prefix: network namespaces, interfaces (veths, taps,
 * bridge ports), Open vSwitch bridges, and flowlab's run state (run files that name any of those, host
 * identity files under {@code /run/flowlab/uts} and {@code /etc/netns}). Only names with the prefix are
 * ever looked at or removed, never anyone else's.
 */
public final class Leftovers {
    private static final Path NAMESPACES = Path.of("/run/netns");
    private static final Path INTERFACES = Path.of("/sys/class/net");
    private static final Path ETC_NETNS = Path.of("/etc/netns");

    private Leftovers() {
    }

    /** Everything with this name prefix on the machine, each as "kind name"; empty when clean. */
    public static List<String> named(String prefix) {
        checkPrefix(prefix);
        List<String> found = new ArrayList<>();
        namespaces(prefix).forEach(n -> found.add("netns " + n));
        interfaces(prefix).forEach(n -> found.add("interface " + n));
        bridges(prefix).forEach(b -> found.add("bridge " + b));
        runFiles(prefix).forEach(f -> found.add("run file " + f));
        namesIn(utsDir(), prefix).forEach(h -> found.add("uts file " + utsDir().resolve(h)));
        namesIn(ETC_NETNS, prefix).forEach(h -> found.add("dir " + ETC_NETNS.resolve(h)));
        return found;
    }

    /** Network namespaces whose name starts with {@code prefix}, sorted. */
    public static List<String> namespaces(String prefix) {
        return namesIn(NAMESPACES, prefix);
    }

    /** Interfaces of the root namespace (veths, taps, bridge ports) whose name starts with {@code prefix}, sorted. */
    public static List<String> interfaces(String prefix) {
        return namesIn(INTERFACES, prefix);
    }

    /** Open vSwitch bridges whose name starts with {@code prefix}. */
    public static List<String> bridges(String prefix) {
        return Commands.run("ovs-vsctl", "--timeout=10", "list-br").stdout().lines()
                .filter(b -> b.startsWith(prefix)).toList();
    }

    /** Removes everything {@link #named} finds for this prefix (after a failed test, for the next one). */
    public static void remove(String prefix) {
        checkPrefix(prefix);
        for (String bridge : bridges(prefix)) {
            Commands.run("ovs-vsctl", "--timeout=10", "--if-exists", "del-br", bridge);
        }
        for (String ns : namespaces(prefix)) {
            Commands.run("ip", "netns", "del", ns);
        }
        for (String link : interfaces(prefix)) {
            Commands.run("ip", "link", "del", link);
        }
        for (String host : namesIn(utsDir(), prefix)) {
            Commands.run("umount", "-l", utsDir().resolve(host).toString());
            deleteTree(utsDir().resolve(host));
        }
        namesIn(ETC_NETNS, prefix).forEach(h -> deleteTree(ETC_NETNS.resolve(h)));
        for (Path run : runFiles(prefix)) {
            deleteTree(run);
            deleteTree(run.resolveSibling(run.getFileName().toString().replaceFirst("\\.run$", ".d")));
        }
    }

    /** A prefix must be specific enough not to reach names a test did not make (lo, eth0, ovs-system...). */
    static void checkPrefix(String prefix) {
        if (prefix == null || prefix.length() < 2 || "eth".startsWith(prefix) || "ovs-system".startsWith(prefix)) {
            throw new IllegalArgumentException("name prefix '" + prefix + "' is too broad for a system test: "
                    + "use two or more characters that only the test's names start with");
        }
    }

    /** Run files (what a flowlab run made, for teardown and `flowlab clean`) naming anything with the prefix. */
    private static List<Path> runFiles(String prefix) {
        List<Path> found = new ArrayList<>();
        for (Path dir : Stream.of(Path.of("/run/flowlab/runs"), runDir()).distinct().toList()) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(f -> f.getFileName().toString().endsWith(".run"))
                        .filter(f -> mentions(f, prefix)).sorted().forEach(found::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found;
    }

    private static boolean mentions(Path runFile, String prefix) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(runFile)) {
            p.load(r);
        } catch (IOException e) {
            return false;   // removed meanwhile by its owner
        }
        return Stream.of("namespaces", "rootInterfaces", "bridges", "identities")
                .map(key -> p.getProperty(key, ""))
                .flatMap(v -> Stream.of(v.split("\\s+")))
                .anyMatch(name -> name.startsWith(prefix));
    }

    /** Where flowlab keeps run files: {@code flowlab.state.dir} when a test moved it, as the dataplane does. */
    private static Path runDir() {
        return Path.of(System.getProperty("flowlab.state.dir", "/run/flowlab/runs"));
    }

    private static Path utsDir() {
        return runDir().resolveSibling("uts");
    }

    private static List<String> namesIn(Path dir, String prefix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + path + " a test left: " + e.getMessage(), e);
        }
    }
}
