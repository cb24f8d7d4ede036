package dev.flowlab.topologies;

import dev.flowlab.topologies.FileEntries.HostEntry;
import dev.flowlab.topologies.FileEntries.IdentityEntry;
import dev.flowlab.topologies.FileEntries.NatEntry;
import dev.flowlab.topologies.FileEntries.PortVlanEntry;
import dev.flowlab.topologies.FileEntries.QosEntry;
import dev.flowlab.topologies.FileEntries.QueueEntry;
import dev.flowlab.topologies.FileEntries.TapEntry;
import dev.flowlab.topologies.FileEntries.TunnelEntry;
import dev.flowlab.topologies.FileEntries.VlanEntry;
import java.util.List;
import java.util.Locale;

/** Converts file entries (hosts with their aliases, VLANs and NAT; port VLANs, TAPs, tunnels, identity) to the model and back. */
final class FileEntryConverter {
    private FileEntryConverter() {
    }

    static Host host(HostEntry e, String ip) {
        NatEntry n = e.nat();
        try {
            List<HostVlan> vlans = e.vlans() == null ? List.of() : e.vlans().stream().map(v -> {
                if (v == null || v.id() == null) {
                    throw new TopologyException("each VLAN needs an id, like {id: 10, ip: 10.10.0.1/24}");
                }
                return new HostVlan(v.id(), v.ip(), v.outer());
            }).toList();
            return new Host(e.name(), ip, e.mac(), e.gateway(), e.aliases(), vlans,
                    n == null ? null : new Nat(n.outside(), n.ip(), n.gateway()));
        } catch (TopologyException x) {
            throw named(e.name(), "host " + e.name(), x);
        }
    }

    static HostEntry entry(Host h) {
        List<VlanEntry> vlans = h.vlans().stream().map(v -> new VlanEntry(v.id(), v.ip(), v.outer())).toList();
        NatEntry nat = h.nat() == null ? null : new NatEntry(h.nat().outside(), h.nat().ip(), h.nat().gateway());
        return new HostEntry(h.name(), h.ip(), h.mac(), h.gateway(), h.aliases(), vlans, nat);
    }

    /** {@code {tag: 10}}, {@code {trunks: [10, 20]}} or {@code {qinq: 100, cvlans: [10]}}; exactly one of them. */
    static PortVlan portVlan(PortVlanEntry e) {
        if (e == null) {
            return null;
        }
        int given = (e.tag() != null ? 1 : 0) + (e.trunks() != null ? 1 : 0) + (e.qinq() != null ? 1 : 0);
        if (given != 1) {
            throw new TopologyException("a port's vlan is one of {tag: 10} (access), {trunks: [10, 20]} (trunk; [] for "
                    + "all VLANs) or {qinq: 100} (802.1ad service VLAN), not " + (given == 0 ? "none" : "several"));
        }
        if (e.cvlans() != null && e.qinq() == null) {
            throw new TopologyException("cvlans (allowed customer VLANs) go with qinq only");
        }
        if (e.tag() != null) {
            return PortVlan.access(e.tag());
        }
        return e.trunks() != null ? new PortVlan(PortVlan.Mode.TRUNK, 0, e.trunks())
                : new PortVlan(PortVlan.Mode.QINQ, e.qinq(), e.cvlans());
    }

    static PortVlanEntry entry(PortVlan v) {
        if (v == null) {
            return null;
        }
        return switch (v.mode()) {
            case ACCESS -> new PortVlanEntry(v.tag(), null, null, null);
            case TRUNK -> new PortVlanEntry(null, v.vlans(), null, null);
            case QINQ -> new PortVlanEntry(null, null, v.tag(), v.vlans().isEmpty() ? null : v.vlans());
        };
    }

    static TapPort tap(TapEntry e) {
        requireSwitch(e.switchName(), "tap", "{switch: s1}");
        return new TapPort(e.switchName(), e.port() == null ? 0 : e.port());
    }

    static Tunnel tunnel(TunnelEntry e) {
        requireSwitch(e.switchName(), "tunnel", "{switch: s1, type: vxlan, remote: 192.168.77.2}");
        String label = "tunnel on " + e.switchName();
        if (e.type() == null) {
            throw new TopologyException(e.switchName(), label + ": give its type: vxlan or gre");
        }
        Tunnel.Type type = switch (e.type().toLowerCase(Locale.ROOT)) {
            case "vxlan" -> Tunnel.Type.VXLAN;
            case "gre", "gretap" -> Tunnel.Type.GRE;
            default -> throw new TopologyException(e.switchName(), label + ": type '" + e.type()
                    + "' is not a tunnel type flowlab knows: vxlan or gre");
        };
        if (type == Tunnel.Type.VXLAN && e.key() != null || type == Tunnel.Type.GRE && e.vni() != null) {
            throw new TopologyException(e.switchName(), label + ": " + (type == Tunnel.Type.VXLAN
                    ? "a VXLAN tunnel has a vni, not a key" : "a GRE tunnel has a key, not a vni"));
        }
        return new Tunnel(e.switchName(), e.port() == null ? 0 : e.port(), type, e.remote(), e.local(),
                type == Tunnel.Type.VXLAN ? e.vni() : e.key(), e.dstPort(), e.underlayNetns(), e.mtu());
    }

    static TunnelEntry entry(Tunnel t, Integer port) {
        boolean vxlan = t.type() == Tunnel.Type.VXLAN;
        return new TunnelEntry(t.switchName(), port, t.type().name().toLowerCase(Locale.ROOT), t.remote(), t.local(),
                vxlan ? t.key() : null, vxlan ? null : t.key(), t.dstPort(), t.underlayNamespace(), t.mtu());
    }

    static PortQos qos(QosEntry e) {
        String example = "{switch: s1, port: 2, queues: [{id: 0, max_rate: 50}]}";
        requireSwitch(e.switchName(), "qos entry", example);
        if (e.port() == null) {
            throw new TopologyException(e.switchName(), "qos on " + e.switchName() + ": give the port, like " + example);
        }
        String label = PortQos.label(e.switchName(), e.port());
        try {
            List<PortQos.Queue> queues = e.queues() == null ? null : e.queues().stream().map(q -> {
                if (q == null || q.id() == null) {
                    throw new TopologyException("each queue needs an id, like {id: 1, max_rate: 10}");
                }
                return new PortQos.Queue(q.id(), decimal(q.minRate()), decimal(q.maxRate()));
            }).toList();
            return new PortQos(e.switchName(), e.port(), decimal(e.maxRate()), queues);
        } catch (TopologyException x) {
            throw named(e.switchName(), label, x);
        }
    }

    static QosEntry entry(PortQos q) {
        return new QosEntry(q.switchName(), q.port(), number(q.maxRateMbit()), q.queues().stream()
                .map(u -> new QueueEntry(u.id(), number(u.minRateMbit()), number(u.maxRateMbit()))).toList());
    }

    /** 100.0 is written as 100, so files stay as people write them. */
    static Number number(Double d) {
        return d == null ? null : d == Math.rint(d) && Math.abs(d) < 1e15 ? (Number) d.longValue() : d;
    }

    private static Double decimal(Number n) {
        return n == null ? null : n.doubleValue();
    }

    static Identity identity(IdentityEntry e) {
        return new Identity(e.domain(), e.nameservers(), e.search());
    }

    static IdentityEntry entry(Identity i) {
        return i == null ? null : new IdentityEntry(i.domain(), i.nameservers(), i.search());
    }

    private static void requireSwitch(String name, String kind, String example) {
        if (name == null) {
            throw new TopologyException("a " + kind + " needs the switch it is a port of, like " + example);
        }
    }

    private static TopologyException named(String element, String what, TopologyException e) {
        return e.getMessage().startsWith(what) ? e : new TopologyException(element, what + ": " + e.getMessage());
    }
}
