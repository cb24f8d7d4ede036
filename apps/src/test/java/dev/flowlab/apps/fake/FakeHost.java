package dev.flowlab.apps.fake;

import dev.flowlab.controller.api.Arp;
import dev.flowlab.controller.api.Ethernet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.projectfloodlight.openflow.types.ArpOpcode;
import org.projectfloodlight.openflow.types.IPv4Address;
import org.projectfloodlight.openflow.types.MacAddress;

/** A host of the {@link FakeNetwork}: answers ARP for its address and ICMP echo requests, keeps an ARP cache. */
public final class FakeHost {
    private final FakeNetwork net;
    private final String name;
    private final MacAddress mac;
    private final IPv4Address ip;
    private final Map<IPv4Address, MacAddress> arpCache = new HashMap<>();
    private final List<byte[]> received = new ArrayList<>();

    FakeHost(FakeNetwork net, String name, MacAddress mac, IPv4Address ip) {
        this.net = net;
        this.name = name;
        this.mac = mac;
        this.ip = ip;
    }

    public String name() {
        return name;
    }

    public MacAddress mac() {
        return mac;
    }

    public IPv4Address ip() {
        return ip;
    }

    /** Every frame that reached this host's interface, addressed to it or not. */
    public List<byte[]> received() {
        return received;
    }

    public Map<IPv4Address, MacAddress> arpCache() {
        return arpCache;
    }

    public void send(byte[] frame) {
        net.fromHost(this, frame);
    }

    void receive(byte[] frame) {
        received.add(frame);
        Ethernet eth = Ethernet.of(frame);
        if (!eth.destination().equals(mac) && !eth.destination().isBroadcast()) {
            return;
        }
        eth.arp().ifPresent(this::arp);
        eth.ipv4().ifPresent(v4 -> {
            if (v4.destination().equals(ip) && Frames.isEcho(eth, 8)) {
                send(Frames.echo(false, mac, ip, eth.source(), v4.source(), Frames.echoSeq(frame)));
            }
        });
    }

    private void arp(Arp arp) {
        if (arp.opcode().equals(ArpOpcode.REQUEST) && arp.targetIp().equals(ip)) {
            send(Frames.arpReply(mac, ip, arp.senderMac(), arp.senderIp()));
        } else if (arp.opcode().equals(ArpOpcode.REPLY) && arp.targetMac().equals(mac)) {
            arpCache.put(arp.senderIp(), arp.senderMac());
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
