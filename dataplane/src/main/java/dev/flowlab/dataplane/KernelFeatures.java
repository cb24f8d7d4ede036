package dev.flowlab.dataplane;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kernel features that hosts and ports beyond one veth need, each probed once per JVM in a throw-away
 * network namespace ({@code unshare -n}): nothing is left behind and no interface of anyone is touched.
 * A missing feature is a one-line error naming it, before anything is built.
 */
enum KernelFeatures {
    VLAN_8021Q("802.1Q VLAN sub-interfaces", "the kernel's VLAN support (module 8021q, CONFIG_VLAN_8021Q)",
            "modprobe 8021q, or tag at the switch instead (access ports: vlan: {tag: N})",
            "ip link add fl0 type veth peer name fl1 && ip link add link fl0 name fl0.7 type vlan id 7"),
    VLAN_8021AD("802.1ad (QinQ) sub-interfaces", "the kernel's VLAN support with 802.1ad (module 8021q, CONFIG_VLAN_8021Q)",
            "modprobe 8021q, or push the service tag at the switch instead (vlan: {qinq: N})",
            "ip link add fl0 type veth peer name fl1 && ip link add link fl0 name fl0.7 type vlan protocol 802.1ad id 7"),
    VXLAN("VXLAN tunnels", "the kernel's VXLAN support (module vxlan, CONFIG_VXLAN)", "modprobe vxlan",
            "ip link add fl0 type vxlan id 7 remote 192.0.2.1 dstport 4789"),
    GRE("GRE tunnels", "the kernel's Ethernet-over-GRE support (module ip_gre, CONFIG_NET_IPGRE)",
            "modprobe ip_gre, or use type vxlan",
            "ip link add fl0 type gretap local 192.0.2.2 remote 192.0.2.1"),
    TUN("TAP ports", "the kernel's TUN/TAP support (module tun, CONFIG_TUN, device /dev/net/tun)",
            "modprobe tun", "ip tuntap add fl0 mode tap"),
    NAT("NAT gateways", "iptables with the kernel's NAT support (CONFIG_NF_NAT, CONFIG_IP_NF_TARGET_MASQUERADE)",
            "apt-get install iptables, and modprobe iptable_nat (or nft_chain_nat)",
            "iptables -t nat -A POSTROUTING -o lo -j MASQUERADE"),
    UTS("per-host hostnames", "UTS namespaces (CONFIG_UTS_NS) and nsenter", "apt-get install util-linux",
            "nsenter --uts=/proc/self/ns/uts true");

    private static final Map<KernelFeatures, String> PROBED = new ConcurrentHashMap<>();

    private final String use;
    private final String feature;
    private final String fix;
    private final String probe;

    KernelFeatures(String use, String feature, String fix, String probe) {
        this.use = use;
        this.feature = feature;
        this.fix = fix;
        this.probe = probe;
    }

    /**
     * Throws a one-line error when this machine cannot provide the feature.
     *
     * @param who what asks for it, e.g. {@code host h2}
     */
    void require(String who) {
        String problem = PROBED.computeIfAbsent(this, KernelFeatures::probe);
        if (!problem.isEmpty()) {
            throw new DataplaneException(who + " needs " + use + ", which need " + feature + "; this machine lacks it ("
                    + problem + "): " + fix);
        }
    }

    /** True when the feature works here (for tests that show the error where it does not). */
    boolean available() {
        return PROBED.computeIfAbsent(this, KernelFeatures::probe).isEmpty();
    }

    /** Empty when the probe succeeds, else what failed. */
    private String probe() {
        if (this == TUN && !Files.exists(Path.of("/dev/net/tun"))) {
            return "no /dev/net/tun";
        }
        if (this == NAT && !Tools.exists("iptables")) {
            return "iptables not found";
        }
        if (this == UTS && (!Files.exists(Path.of("/proc/self/ns/uts")) || !Tools.exists("nsenter"))) {
            return Tools.exists("nsenter") ? "no /proc/self/ns/uts" : "nsenter not found";
        }
        Tools.require("unshare", "ip");
        // Probe commands name their tools bare: put the sbin directories a root PATH may lack in front.
        List<String> argv = new ArrayList<>(List.of(Tools.path("unshare"), "-n", "sh", "-c",
                "PATH=/usr/local/sbin:/usr/sbin:/sbin:$PATH; " + probe));
        ExecResult r = ProcessRunner.run(argv, null, Duration.ofSeconds(10));
        return r.ok() ? "" : (r.stderr().isBlank() ? "exit code " + r.exitCode() : r.stderr().strip().replace('\n', ' '));
    }
}
