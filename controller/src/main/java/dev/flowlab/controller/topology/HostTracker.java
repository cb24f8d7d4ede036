package dev.flowlab.controller.topology;

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
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.projectfloodlight.openflow.protocol.OFPortStatus;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.IPv4Address;
import org.projectfloodlight.openflow.types.MacAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Learns where hosts attach from the packets they send, on edge ports only. It only watches: every
 * packet goes on to the apps. The packet-in path takes no lock; a packet from a known host at its
 * known place with a known address only reads a map.
 */
public final class HostTracker implements App, HostService, TopologyListener {
    /** Right after link discovery (which has consumed LLDP), before ordinary apps. */
    public static final int ORDER = -900;
    private static final Logger LOG = LoggerFactory.getLogger(HostTracker.class);

    private final TopologyService topology;
    private final ConcurrentMap<MacAddress, HostInfo> byMac = new ConcurrentHashMap<>();
    private final ConcurrentMap<IPv4Address, MacAddress> byIp = new ConcurrentHashMap<>();
    private final List<HostListener> listeners = new CopyOnWriteArrayList<>();

    HostTracker(TopologyService topology) {
        this.topology = topology;
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
        learn(mac, senderIp(eth), new SwitchPort(in.sw().id(), in.inPort()));
        return Verdict.CONTINUE;
    }

    /** The IPv4 address the frame's sender claims: ARP sender address, else IPv4 source; null if none. */
    private static IPv4Address senderIp(Ethernet eth) {
        IPv4Address ip = eth.arp().map(a -> a.senderIp())
                .or(() -> eth.ipv4().map(v4 -> v4.source()))
                .orElse(null);
        return ip == null || ip.equals(IPv4Address.NONE) || ip.isBroadcast() || ip.isMulticast() ? null : ip;
    }

    /** Records that {@code mac} (using {@code ip}, or null) sent from {@code at}. */
    void learn(MacAddress mac, IPv4Address ip, SwitchPort at) {
        HostInfo known = byMac.get(mac);
        if (known != null && known.location().equals(at) && (ip == null || known.ips().contains(ip))) {
            return;   // the common case: nothing new
        }
        HostInfo[] before = new HostInfo[1];
        HostInfo after = byMac.compute(mac, (m, old) -> {
            before[0] = old;
            Set<IPv4Address> ips = old == null ? new HashSet<>() : new HashSet<>(old.ips());
            if (ip != null) {
                ips.add(ip);
            }
            return new HostInfo(mac, ips, at.dpid(), at.port());
        });
        if (ip != null) {
            MacAddress previousOwner = byIp.put(ip, mac);
            if (previousOwner != null && !previousOwner.equals(mac)) {
                byMac.computeIfPresent(previousOwner, (m, h) -> withoutIp(h, ip));
            }
        }
        HostInfo old = before[0];
        if (old == null) {
            LOG.info("host {} {} at {}", mac, after.ips(), at);
            each(l -> l.onHostAdded(after));
        } else if (!old.location().equals(at)) {
            LOG.info("host {} moved from {} to {}", mac, old.location(), at);
            each(l -> l.onHostMoved(old, after));
        }
    }

    private static HostInfo withoutIp(HostInfo h, IPv4Address ip) {
        Set<IPv4Address> ips = new HashSet<>(h.ips());
        ips.remove(ip);
        return new HostInfo(h.mac(), ips, h.dpid(), h.port());
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
    }

    /** A port that turned out to join two switches never had a host: what was learnt there was relayed. */
    @Override
    public void onLinkUp(Link link) {
        forget(h -> link.touches(h.location()));
    }

    private void forget(Predicate<HostInfo> gone) {
        for (HostInfo h : byMac.values()) {
            if (gone.test(h) && byMac.remove(h.mac(), h)) {
                h.ips().forEach(ip -> byIp.remove(ip, h.mac()));
                LOG.info("host {} at {} forgotten", h.mac(), h.location());
                each(l -> l.onHostRemoved(h));
            }
        }
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
        return List.copyOf(byMac.values());
    }

    @Override
    public Optional<HostInfo> hostByMac(MacAddress mac) {
        return Optional.ofNullable(byMac.get(mac));
    }

    @Override
    public Optional<HostInfo> hostByIp(IPv4Address ip) {
        MacAddress mac = byIp.get(ip);
        return mac == null ? Optional.empty() : hostByMac(mac).filter(h -> h.ips().contains(ip));
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
