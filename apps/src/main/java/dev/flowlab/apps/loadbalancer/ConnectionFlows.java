package dev.flowlab.apps.loadbalancer;

import dev.flowlab.controller.api.Flows;
import dev.flowlab.controller.api.Link;
import dev.flowlab.controller.api.Path;
import dev.flowlab.controller.api.SwitchPort;
import java.util.ArrayList;
import java.util.List;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFFlowAdd;
import org.projectfloodlight.openflow.protocol.action.OFAction;
import org.projectfloodlight.openflow.protocol.match.Match;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.EthType;
import org.projectfloodlight.openflow.types.IPv4Address;
import org.projectfloodlight.openflow.types.IpProtocol;
import org.projectfloodlight.openflow.types.MacAddress;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.TransportPort;
import org.projectfloodlight.openflow.types.U64;

/**
 * The entries of one balanced TCP connection (pure: no switch, no state). Toward the server, the
 * client's switch rewrites the destination from the virtual IP and MAC to the server's and every
 * switch of the path forwards the rewritten packets; back to the client, every switch forwards the
 * server's replies and the client's switch rewrites their source to the virtual IP and MAC, so the
 * client only ever talks to the virtual address. All entries match the connection's four-tuple.
 */
final class ConnectionFlows {
    /** Above the forwarding apps' entries (learning-switch 1, routing 100), under acl's denies and stp's blocks. */
    static final int PRIORITY = 20000;

    private ConnectionFlows() {
    }

    /** A TCP connection from a client to the virtual IP, given to {@code server}. */
    record Connection(IPv4Address client, TransportPort clientPort, IPv4Address vip, MacAddress vipMac,
                      TransportPort port, IPv4Address server, MacAddress serverMac) {
    }

    /** One switch of the path: where the packets come in and go out. */
    record Hop(DatapathId dpid, OFPort in, OFPort out) {
    }

    /** One entry for one switch. */
    record Entry(DatapathId dpid, OFFlowAdd flow) {
    }

    /** The switches from {@code from} (the client's port) along {@code path} to {@code to} (the server's). */
    static List<Hop> hops(SwitchPort from, Path path, SwitchPort to) {
        List<Hop> hops = new ArrayList<>();
        OFPort in = from.port();
        DatapathId at = from.dpid();
        for (Link l : path.links()) {
            hops.add(new Hop(at, in, l.srcPort()));
            in = l.dstPort();
            at = l.dstDpid();
        }
        hops.add(new Hop(at, in, to.port()));
        return hops;
    }

    /** The entries toward the server; the first is the client's switch's, with the rewrite. */
    static List<Entry> toServer(OFFactory of, U64 cookie, int idleTimeout, Connection c, List<Hop> hops) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < hops.size(); i++) {
            Hop h = hops.get(i);
            Match match = match(of, h.in(), c.client(), i == 0 ? c.vip() : c.server(), c.clientPort(), c.port());
            List<OFAction> actions = i == 0 ? rewriteToServer(of, c, h.out()) : List.of(Flows.output(of, h.out()));
            entries.add(new Entry(h.dpid(), flow(of, cookie, idleTimeout, match, actions)));
        }
        return entries;
    }

    /** The entries back to the client, server's switch first; the last one (the client's switch) restores the virtual source. */
    static List<Entry> toClient(OFFactory of, U64 cookie, int idleTimeout, Connection c, List<Hop> hops) {
        List<Entry> entries = new ArrayList<>();
        for (int i = hops.size() - 1; i >= 0; i--) {
            Hop h = hops.get(i);
            Match match = match(of, h.out(), c.server(), c.client(), c.port(), c.clientPort());
            List<OFAction> actions = i == 0
                    ? List.of(of.actions().setField(of.oxms().ethSrc(c.vipMac())),
                            of.actions().setField(of.oxms().ipv4Src(c.vip())), Flows.output(of, h.in()))
                    : List.of(Flows.output(of, h.in()));
            entries.add(new Entry(h.dpid(), flow(of, cookie, idleTimeout, match, actions)));
        }
        return entries;
    }

    /** What the client's switch does to the connection's packets toward the server (also the first packet's packet-out). */
    static List<OFAction> rewriteToServer(OFFactory of, Connection c, OFPort out) {
        return List.of(of.actions().setField(of.oxms().ethDst(c.serverMac())),
                of.actions().setField(of.oxms().ipv4Dst(c.server())), Flows.output(of, out));
    }

    private static Match match(OFFactory of, OFPort in, IPv4Address src, IPv4Address dst, TransportPort srcPort,
                               TransportPort dstPort) {
        return Flows.match(of, of.oxms().inPort(in), of.oxms().ethType(EthType.IPv4), of.oxms().ipProto(IpProtocol.TCP),
                of.oxms().ipv4Src(src), of.oxms().ipv4Dst(dst), of.oxms().tcpSrc(srcPort), of.oxms().tcpDst(dstPort));
    }

    private static OFFlowAdd flow(OFFactory of, U64 cookie, int idleTimeout, Match match, List<OFAction> actions) {
        return of.buildFlowAdd().setCookie(cookie).setPriority(PRIORITY).setIdleTimeout(idleTimeout).setMatch(match)
                .setInstructions(List.of(of.instructions().applyActions(actions))).build();
    }
}
