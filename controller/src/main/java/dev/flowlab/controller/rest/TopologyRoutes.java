package dev.flowlab.controller.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.flowlab.controller.api.HostInfo;
import dev.flowlab.controller.api.HostService;
import dev.flowlab.controller.api.Link;
import dev.flowlab.controller.api.Path;
import dev.flowlab.controller.api.RestException;
import dev.flowlab.controller.api.TopologyService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.projectfloodlight.openflow.types.IPv4Address;
import org.projectfloodlight.openflow.types.MacAddress;
import org.projectfloodlight.openflow.types.OFPort;

/**
 * {@code /api/links} (what LLDP discovery found), {@code /api/hosts} (where each host attaches) and
 * {@code /api/paths/{src}/{dst}} (the shortest path between two hosts, hop by hop).
 */
final class TopologyRoutes {
    record LinkView(String srcDpid, Object srcPort, String dstDpid, Object dstPort) {
        static LinkView of(Link l) {
            return new LinkView(l.srcDpid().toString(), PortNumbers.json(l.srcPort()), l.dstDpid().toString(),
                    PortNumbers.json(l.dstPort()));
        }
    }

    /**
     * One host; {@code vlan} only for a host whose frames carry a tag (a network with VLAN roles), {@code service_vlan}
     * only for one whose VLAN a QinQ tunnel port carries on (two customers' hosts may share MAC and VLAN).
     */
    record HostView(String mac, @JsonInclude(JsonInclude.Include.NON_NULL) Integer vlan,
                    @JsonInclude(JsonInclude.Include.NON_NULL) Integer serviceVlan, List<String> ips, String dpid, Object port) {
        static HostView of(HostInfo h) {
            return new HostView(h.mac().toString(), h.tagged() ? h.vlan() : null,
                    h.serviceVlan() == HostInfo.UNTAGGED ? null : h.serviceVlan(),
                    h.ips().stream().map(IPv4Address::toString).sorted().toList(), h.dpid().toString(), PortNumbers.json(h.port()));
        }
    }

    /** One switch on a path: where the packets come in and where they leave. */
    record HopView(String dpid, Object inPort, Object outPort) {
    }

    record PathView(HostView src, HostView dst, int hops, List<HopView> path) {
    }

    private static final Comparator<HostInfo> BY_LOCATION = Comparator.comparing(HostInfo::dpid)
            .thenComparing(HostInfo::port).thenComparing(HostInfo::vlan).thenComparing(HostInfo::serviceVlan).thenComparing(HostInfo::mac);

    private final TopologyService topology;
    private final HostService hosts;

    TopologyRoutes(TopologyService topology, HostService hosts) {
        this.topology = topology;
        this.hosts = hosts;
    }

    void register(RouteTable routes) {
        routes.add("GET", "/api/links", r -> topology.links().stream()
                .sorted(Comparator.comparing(Link::srcDpid).thenComparing(Link::srcPort))
                .map(LinkView::of).toList());
        routes.add("GET", "/api/hosts", r -> hosts.hosts().stream().sorted(BY_LOCATION).map(HostView::of).toList());
        routes.add("GET", "/api/paths/{src}/{dst}", r -> path(host(r.param("src")), host(r.param("dst"))));
    }

    private PathView path(HostInfo src, HostInfo dst) {
        Path path = topology.shortestPath(src.dpid(), dst.dpid()).orElseThrow(() -> RestException.notFound(
                "no path from " + src.dpid() + " to " + dst.dpid() + " in the discovered topology (GET /api/links)"));
        List<HopView> hops = new ArrayList<>();
        OFPort in = src.port();
        for (Link link : path.links()) {
            hops.add(new HopView(link.srcDpid().toString(), PortNumbers.json(in), PortNumbers.json(link.srcPort())));
            in = link.dstPort();
        }
        hops.add(new HopView(dst.dpid().toString(), PortNumbers.json(in), PortNumbers.json(dst.port())));
        return new PathView(HostView.of(src), HostView.of(dst), path.hops(), hops);
    }

    /** A host by MAC or IPv4 address. */
    private HostInfo host(String text) {
        Optional<HostInfo> host;
        if (text.matches("([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}")) {
            host = hosts.hostByMac(MacAddress.of(text));
        } else if (text.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            try {
                host = hosts.hostByIp(IPv4Address.of(text));
            } catch (IllegalArgumentException e) {
                throw RestException.badRequest("'" + text + "' is not an IPv4 address");
            }
        } else {
            throw RestException.badRequest("'" + text + "' is not a host MAC (00:00:00:00:00:01) or IPv4 address (10.0.0.1)");
        }
        return host.orElseThrow(() -> RestException.notFound("host " + text + " is not known: hosts are learnt from"
                + " the packets they send (GET /api/hosts lists them); let it send something first"));
    }
}
