package dev.flowlab.dataplane;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks made before anything is built, each failing with one line that names the problem and the fix:
 * root, tools, Open vSwitch running, the datapath to use, netem when a link asks for it.
 */
final class Preflight {
    private static final String START_OVS = "start it with /usr/share/openvswitch/scripts/ovs-ctl start --system-id=random";

    private Preflight() {
    }

    static void requireRoot() {
        if (effectiveUid() != 0) {
            throw new DataplaneException("not running as root: namespaces, veths and Open vSwitch need root (run with sudo)");
        }
    }

    /**
     * ovsdb-server must answer and ovs-vswitchd must run (without it every ovs-vsctl change hangs).
     * Returns the names of all interfaces OVS knows (bridges' own ports included), for the clash check.
     */
    static Set<String> requireOvsRunning() {
        Tools.require("ip", "ovs-vsctl");
        ExecResult r = ProcessRunner.run(List.of(Tools.path("ovs-vsctl"), "--timeout=5", "--bare", "--columns=name",
                "list", "Interface"), null, Duration.ofSeconds(10));
        if (!r.ok()) {
            throw new DataplaneException("Open vSwitch is not running (ovsdb-server: " + r.stderr().strip() + "): " + START_OVS);
        }
        if (!processRunning("ovs-vswitchd")) {
            throw new DataplaneException("Open vSwitch is not running (no ovs-vswitchd process): " + START_OVS);
        }
        Set<String> names = new HashSet<>();
        r.stdout().lines().map(String::strip).filter(n -> !n.isEmpty()).forEach(names::add);
        return names;
    }

    /** The datapath to use: the requested one, or for AUTO the kernel one where its module is loaded. */
    static Datapath resolveDatapath(Datapath requested) {
        boolean kernelModule = Files.exists(Path.of("/sys/module/openvswitch"));
        if (requested == Datapath.SYSTEM && !kernelModule) {
            throw new DataplaneException("datapath 'system' needs the openvswitch kernel module, which is not loaded: "
                    + "modprobe openvswitch, or use the userspace datapath (netdev)");
        }
        if (requested != Datapath.AUTO) {
            return requested;
        }
        return kernelModule ? Datapath.SYSTEM : Datapath.NETDEV;
    }

    /**
     * Delay, jitter and loss need the netem qdisc. Probe it in a throw-away unnamed namespace
     * ({@code unshare -n}): nothing is left behind and no interface of anyone is touched.
     */
    static void requireNetem() {
        Tools.require("tc", "unshare");
        ExecResult r = ProcessRunner.run(List.of(Tools.path("unshare"), "-n", Tools.path("tc"), "qdisc", "add", "dev", "lo",
                "root", "netem", "delay", "1ms"), null, Duration.ofSeconds(10));
        if (!r.ok()) {
            throw new DataplaneException("link delay/jitter/loss need the kernel's netem qdisc (CONFIG_NET_SCH_NETEM), "
                    + "which this kernel lacks (" + r.stderr().strip() + "): remove delay, jitter and loss from the "
                    + "links or use a kernel with netem; bandwidth limits work without it");
        }
    }

    /** Loads the native part (JNA) now, so a machine that cannot fails before anything is built. */
    static void requireNativeAccess() {
        try {
            Libc.c();
        } catch (LinkageError | RuntimeException e) {
            throw new DataplaneException("cannot load the JNA native library (" + e.getMessage()
                    + "): make sure the temporary directory allows executables, or set jna.tmpdir");
        }
    }

    static long effectiveUid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return Long.parseLong(line.split("\\s+")[2]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through: treat as not root
        }
        return -1;
    }

    static boolean processRunning(String comm) {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .anyMatch(p -> comm.equals(readComm(p)));
        } catch (IOException e) {
            return false;
        }
    }

    private static String readComm(Path proc) {
        try {
            return Files.readString(proc.resolve("comm")).strip();
        } catch (IOException e) {
            return "";
        }
    }
}
