package dev.flowlab.controller.topology;

import dev.flowlab.controller.api.AgeingTable;
import dev.flowlab.controller.api.App;
import dev.flowlab.controller.api.AppContext;
import dev.flowlab.controller.api.Ethernet;
import dev.flowlab.controller.api.HostInfo;
import dev.flowlab.controller.api.HostListener;
import dev.flowlab.controller.api.HostService;
import dev.flowlab.controller.api.Link;
import dev.flowlab.controller.api.PacketIn;
import dev.flowlab.controller.api.Ports;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.api.SwitchPort;
import dev.flowlab.controller.api.TopologyListener;
import dev.flowlab.controller.api.TopologyService;
import dev.flowlab.controller.api.Verdict;
import dev.flowlab.controller.api.VlanRole;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.projectfloodlight.openflow.protocol.OFPortStatus;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.IPv4Address;
import org.projectfloodlight.openflow.types.MacAddress;
import org.projectfloodlight.openflow.types.OFPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Learns where hosts attach from the packets they send, on edge ports only. It only watches: every
 * packet goes on to the apps. The packet-in path takes no lock; a packet from a known host at its
 * known place with a known address only reads a map and notes the time.
 *
 * <p>A host is a MAC in a VLAN (the frame's tag in the apps' table, as the VLAN stage left it): the same
 * MAC in two VLANs is two hosts, each with its own place and addresses, as in a switch's MAC table;
 * an address is likewise one host's per VLAN (two VLANs may reuse a subnet).
 *
 * <p>With QinQ, customers behind different 802.1ad tunnel ports may use the same VLAN, MACs and subnet
 * at their own switches: a host is then a MAC in a VLAN in a service VLAN, the one of the tunnel port
 * that the VLAN of its switch reaches the provider by (over links whose ends carry that VLAN; the ports'
 * roles are the VLAN stage's). That is worked out once per switch and VLAN, again after a link change,
 * when hosts whose service VLAN changed are forgotten (their next packet files them right).
 *
 * <p>The table is bounded and ages like a switch's MAC table ({@link AgeingTable}): a host not heard
 * from for the ageing time is forgotten, and when the table is full a host heard from long ago makes
 * room. Each host keeps at most {@link #MAX_IPS_PER_HOST} addresses, so the by-address index is
 * bounded too. The default cap, {@link #DEFAULT_MAX_HOSTS}, is larger than a switch's because this
 * one table spans every switch.
 */
public final class HostTracker implements App, HostService, TopologyListener {
    /** Right after link discovery (which has consumed LLDP), before ordinary apps. */
    public static final int ORDER = -900;
    /** A host claiming more addresses than this forgets one it had for each new one. */
    static final int MAX_IPS_PER_HOST = 16;
    /**
     * Hosts held by default: 65536. Open vSwitch's 8192 is per bridge, and this one table holds the
     * hosts behind every switch of the network, so it is eight bridges' worth: a network of a few
     * dozen switches with hundreds of hosts each (the controller benchmark's 16 x 1000) fits with room
     * to spare. A table smaller than the hosts that keep talking evicts and relearns one on nearly
     * every packet-in (each a locked write and a host-added and host-removed event), which halved the
     * benchmark's throughput at 8192. Still bounded: a MAC flood costs at most about 65536 small
     * entries (some tens of MB) and O(1) per new MAC once the table is full.
     */
    public static final int DEFAULT_MAX_HOSTS = 65_536;
    private static final long SWEEP_NANOS = Duration.ofSeconds(1).toNanos();
    private static final Logger LOG = LoggerFactory.getLogger(HostTracker.class);

    private final TopologyService topology;
    private final PortRoles roles;
    private final AgeingTable<HostKey, HostInfo> byHost;
    private final ConcurrentMap<IpKey, MacAddress> byIp = new ConcurrentHashMap<>();
    /** Every (service VLAN, VLAN) a host was seen in, lowest first: where the lookups without both look. */
    private final Set<Segment> segments = new ConcurrentSkipListSet<>();
    /** The service VLAN of each (switch, VLAN) asked so far; emptied on every link or switch change. */
    private final ConcurrentMap<SwitchVlan, Integer> serviceVlans = new ConcurrentHashMap<>();
    private final List<HostListener> listeners = new CopyOnWriteArrayList<>();
    private final LongSupplier clock;
    private final AtomicLong nextSweep;

    /** The VLAN role of a switch port ({@link VlanRole#NONE} where it has none): the VLAN stage's. */
    @FunctionalInterface
    interface PortRoles {
        PortRoles NONE = (dpid, port) -> VlanRole.NONE;

        VlanRole of(DatapathId dpid, OFPort port);
    }

    /** A VLAN ({@link HostInfo#UNTAGGED} without a tag) inside a service VLAN (UNTAGGED: none). */
    private record Segment(int serviceVlan, int vlan) implements Comparable<Segment> {
        @Override
        public int compareTo(Segment o) {
            return serviceVlan != o.serviceVlan ? Integer.compare(serviceVlan, o.serviceVlan) : Integer.compare(vlan, o.vlan);
        }
    }

    /** A MAC in a segment: the key of one host. */
    private record HostKey(Segment segment, MacAddress mac) {
    }

    /** An IPv4 address in a segment. */
    private record IpKey(Segment segment, IPv4Address ip) {
    }

    private record SwitchVlan(DatapathId dpid, int vlan) {
    }

    /**
     * A tracker holding at most {@code maxHosts}, each forgotten {@code ageing} after its last packet,
     * with ages read from {@code nanoClock}.
     */
    HostTracker(TopologyService topology, int maxHosts, Duration ageing, LongSupplier nanoClock) {
        this(topology, PortRoles.NONE, maxHosts, ageing, nanoClock);
    }

    /** As above, on a network whose ports have these VLAN roles (QinQ tunnel ports among them). */
    HostTracker(TopologyService topology, PortRoles roles, int maxHosts, Duration ageing, LongSupplier nanoClock) {
        this.topology = topology;
        this.roles = roles;
        this.byHost = new AgeingTable<>("host table (controller host_table_size)", maxHosts, ageing, nanoClock);
        this.clock = nanoClock;
        this.nextSweep = new AtomicLong(nanoClock.getAsLong() + SWEEP_NANOS);
    }

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public void start(AppContext context) {
        topology.addListener(this);
    }

    @Override
    public Verdict onPacketIn(PacketIn in) {
        Ethernet eth = in.ethernet();
        MacAddress mac = eth.source();
        if (mac.isBroadcast() || mac.isMulticast() || mac.equals(MacAddress.NONE) || !topology.isEdgePort(in.sw().id(), in.inPort())) {
            return Verdict.CONTINUE;
        }
        learn(HostInfo.vlanOf(eth), mac, senderIp(eth), new SwitchPort(in.sw().id(), in.inPort()));
        sweepNowAndThen();
        return Verdict.CONTINUE;
    }

    /** Once a second, on whichever packet-in comes then: forgets the hosts that aged out and tells the listeners. */
    private void sweepNowAndThen() {
        long now = clock.getAsLong();
        long due = nextSweep.get();
        if (now - due >= 0 && nextSweep.compareAndSet(due, now + SWEEP_NANOS)) {
            expire();
        }
    }

    /** Forgets the hosts not heard from for the ageing time. */
    void expire() {
        byHost.expire().forEach(this::removed);
    }

    /** The IPv4 address the frame's sender claims: ARP sender address, else IPv4 source; null if none. */
    private static IPv4Address senderIp(Ethernet eth) {
        IPv4Address ip = eth.arp().map(a -> a.senderIp())
                .or(() -> eth.ipv4().map(v4 -> v4.source()))
                .orElse(null);
        return ip == null || ip.equals(IPv4Address.NONE) || ip.isBroadcast() || ip.isMulticast() ? null : ip;
    }

    /** Records that {@code mac} (using {@code ip}, or null) sent from {@code at}, untagged. */
    void learn(MacAddress mac, IPv4Address ip, SwitchPort at) {
        learn(HostInfo.UNTAGGED, mac, ip, at);
    }

    /** Records that {@code mac} in {@code vlan} (using {@code ip}, or null) sent from {@code at}. */
    void learn(int vlan, MacAddress mac, IPv4Address ip, SwitchPort at) {
        Segment segment = segmentAt(at.dpid(), vlan);
        HostKey key = new HostKey(segment, mac);
        HostInfo known = byHost.refresh(key);   // no lock
        if (known != null && known.dpid().equals(at.dpid()) && known.port().equals(at.port())
                && (ip == null || known.ips().contains(ip))) {
            return;   // the common case: nothing new
        }
        segments.add(segment);
        HostInfo seen = new HostInfo(mac, ip == null ? Set.of() : Set.of(ip), at.dpid(), at.port(), vlan, segment.serviceVlan());
        AgeingTable.Change<HostInfo> change = byHost.merge(key, seen, (old, now) -> withIp(now, old.ips(), ip));
        change.removed().forEach(this::removed);
        HostInfo after = change.after();
        if (ip != null) {
            MacAddress previousOwner = byIp.put(new IpKey(segment, ip), mac);
            if (previousOwner != null && !previousOwner.equals(mac)) {
                byHost.update(new HostKey(segment, previousOwner), h -> withoutIp(h, ip));
            }
        }
        HostInfo old = change.before();
        if (old != null) {
            old.ips().stream().filter(a -> !after.ips().contains(a)).forEach(a -> byIp.remove(new IpKey(segment, a), mac));
        }
        if (old == null) {
            LOG.debug("host {} {} at {}", name(after), after.ips(), at);   // debug: a MAC flood must not be a log flood
            each(l -> l.onHostAdded(after));
        } else if (!old.location().equals(at)) {
            LOG.info("host {} moved from {} to {}", name(after), old.location(), at);
            each(l -> l.onHostMoved(old, after));
        }
    }

    /** The host's MAC, with its VLAN when it has one (logs). */
    private static String name(HostInfo h) {
        String service = h.serviceVlan() == HostInfo.UNTAGGED ? "" : " of service VLAN " + h.serviceVlan();
        return h.tagged() ? h.mac() + " in VLAN " + h.vlan() + service : h.mac().toString();
    }

    /** The segment a frame of {@code vlan} is in at switch {@code dpid}. */
    private Segment segmentAt(DatapathId dpid, int vlan) {
        return new Segment(serviceVlanOf(dpid, vlan), vlan);
    }

    private static Segment segmentOf(HostInfo h) {
        return new Segment(h.serviceVlan(), h.vlan());
    }

    /**
     * The service VLAN that carries {@code vlan} on from switch {@code dpid}: the tag of the first QinQ tunnel port
     * (the lowest, if several at the same distance) that its frames reach over links whose ends both carry the
     * VLAN; UNTAGGED when none does, and at once on a network without tunnel ports or for untagged frames.
     */
    int serviceVlanOf(DatapathId dpid, int vlan) {
        if (vlan == HostInfo.UNTAGGED || roles == PortRoles.NONE) {
            return HostInfo.UNTAGGED;
        }
        return serviceVlans.computeIfAbsent(new SwitchVlan(dpid, vlan), k -> searchServiceVlan(dpid, vlan));
    }

    private int searchServiceVlan(DatapathId from, int vlan) {
        Set<DatapathId> seen = new HashSet<>(List.of(from));
        List<DatapathId> ring = List.of(from);
        Set<Link> links = topology.links();
        while (!ring.isEmpty()) {
            int found = Integer.MAX_VALUE;
            List<DatapathId> next = new java.util.ArrayList<>();
            for (DatapathId at : ring) {
                for (Link l : links) {
                    if (!l.srcDpid().equals(at) || !roles.of(at, l.srcPort()).carries(vlan)) {
                        continue;
                    }
                    VlanRole far = roles.of(l.dstDpid(), l.dstPort());
                    if (far.kind() == VlanRole.Kind.TUNNEL) {
                        found = Math.min(found, far.vid());
                    } else if (!far.pops() && far.carries(vlan) && seen.add(l.dstDpid())) {
                        next.add(l.dstDpid());   // the VLAN goes on as it is: look further
                    }
                }
            }
            if (found != Integer.MAX_VALUE) {
                return found;
            }
            ring = next;
        }
        return HostInfo.UNTAGGED;
    }

    /** {@code now} with the addresses it had before and {@code ip}; past the cap, one old address makes room. */
    private static HostInfo withIp(HostInfo now, Set<IPv4Address> had, IPv4Address ip) {
        Set<IPv4Address> ips = new HashSet<>(had);
        if (ip != null && !ips.contains(ip)) {
            if (ips.size() >= MAX_IPS_PER_HOST) {
                ips.remove(ips.iterator().next());
            }
            ips.add(ip);
        }
        return new HostInfo(now.mac(), ips, now.dpid(), now.port(), now.vlan(), now.serviceVlan());
    }

    private static HostInfo withoutIp(HostInfo h, IPv4Address ip) {
        Set<IPv4Address> ips = new HashSet<>(h.ips());
        ips.remove(ip);
        return new HostInfo(h.mac(), ips, h.dpid(), h.port(), h.vlan(), h.serviceVlan());
    }

    /** A host left the table (port down, aged, evicted...): drop its addresses and tell the listeners. */
    private void removed(HostInfo h) {
        h.ips().forEach(ip -> byIp.remove(new IpKey(segmentOf(h), ip), h.mac()));
        LOG.debug("host {} at {} forgotten", name(h), h.location());
        each(l -> l.onHostRemoved(h));
    }

    @Override
    public void onPortStatus(Switch sw, OFPortStatus status) {
        if (Ports.wentDown(status)) {
            SwitchPort port = new SwitchPort(sw.id(), status.getDesc().getPortNo());
            forget(h -> h.location().equals(port));
        }
    }

    @Override
    public void onSwitchDown(DatapathId dpid) {
        forget(h -> h.dpid().equals(dpid));
        refileQinqHosts();
    }

    /** A port that turned out to join two switches never had a host: what was learnt there was relayed. */
    @Override
    public void onLinkUp(Link link) {
        forget(h -> link.touches(h.location()));
        refileQinqHosts();
    }

    @Override
    public void onLinkDown(Link link) {
        refileQinqHosts();
    }

    /**
     * After a link or switch change a VLAN may reach the provider by another tunnel port, or by none: works the
     * service VLANs out anew, and forgets the hosts filed under one they are no longer in.
     */
    private void refileQinqHosts() {
        if (roles == PortRoles.NONE) {
            return;
        }
        serviceVlans.clear();
        forget(h -> h.tagged() && serviceVlanOf(h.dpid(), h.vlan()) != h.serviceVlan());
    }

    private void forget(Predicate<HostInfo> gone) {
        byHost.removeIf(gone).forEach(this::removed);
    }

    private void each(Consumer<HostListener> call) {
        for (HostListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("host listener {} threw: {}", l, e.toString(), e);
            }
        }
    }

    @Override
    public Collection<HostInfo> hosts() {
        return byHost.values();
    }

    @Override
    public Optional<HostInfo> hostByMac(DatapathId at, int vlan, MacAddress mac) {
        return byHost.get(new HostKey(segmentAt(at, vlan), mac));
    }

    @Override
    public Optional<HostInfo> hostByIp(DatapathId at, int vlan, IPv4Address ip) {
        return hostByIp(segmentAt(at, vlan), ip);
    }

    private Optional<HostInfo> hostByIp(Segment segment, IPv4Address ip) {
        MacAddress mac = byIp.get(new IpKey(segment, ip));
        return mac == null ? Optional.empty() : byHost.get(new HostKey(segment, mac)).filter(h -> h.ips().contains(ip));
    }

    @Override
    public Optional<HostInfo> hostByMac(int vlan, MacAddress mac) {
        return first(s -> s.vlan() == vlan, s -> byHost.get(new HostKey(s, mac)));
    }

    @Override
    public Optional<HostInfo> hostByIp(int vlan, IPv4Address ip) {
        return first(s -> s.vlan() == vlan, s -> hostByIp(s, ip));
    }

    @Override
    public Optional<HostInfo> hostByMac(MacAddress mac) {
        return first(s -> true, s -> byHost.get(new HostKey(s, mac)));
    }

    @Override
    public Optional<HostInfo> hostByIp(IPv4Address ip) {
        return first(s -> true, s -> hostByIp(s, ip));
    }

    /** The first answer of {@code lookup} over the segments hosts were seen in, lowest first (one, untagged, without VLANs). */
    private Optional<HostInfo> first(Predicate<Segment> which, java.util.function.Function<Segment, Optional<HostInfo>> lookup) {
        for (Segment s : segments) {
            if (which.test(s)) {
                Optional<HostInfo> h = lookup.apply(s);
                if (h.isPresent()) {
                    return h;
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void addListener(HostListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(HostListener listener) {
        listeners.remove(listener);
    }
}
