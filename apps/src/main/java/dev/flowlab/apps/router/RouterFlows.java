package dev.flowlab.apps.router;

import dev.flowlab.controller.api.Flows;
import java.util.ArrayList;
import java.util.List;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFFlowAdd;
import org.projectfloodlight.openflow.protocol.OFFlowDelete;
import org.projectfloodlight.openflow.protocol.action.OFAction;
import org.projectfloodlight.openflow.protocol.match.MatchField;
import org.projectfloodlight.openflow.types.EthType;
import org.projectfloodlight.openflow.types.IPv4Address;
import org.projectfloodlight.openflow.types.MacAddress;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.OFVlanVidMatch;
import org.projectfloodlight.openflow.types.U64;

/**
 * The router's flow entries (pure). Every switch gets trap entries that send what is addressed to
 * the router to the controller at the first switch it enters: ARP for a gateway address, and any
 * frame to the router's MAC. A routed destination then gets an entry on the switch where its
 * packets enter, above the trap: rewrite the MACs, decrement the TTL, send it toward the host.
 * All of them sit above the forwarding apps' entries (routing 100, learning switch 1) and below the
 * acl's (40000 and up).
 */
final class RouterFlows {
    static final int TRAP_PRIORITY = 30000;
    static final int ARP_TRAP_PRIORITY = 30200;
    static final int ROUTE_PRIORITY = 30100;
    /** A routed entry idles out, so a host that moved or left is looked up again. */
    static final int ROUTE_IDLE_TIMEOUT = 30;

    private RouterFlows() {
    }

    /** What every switch gets when it comes up: the trap entries. */
    static List<OFFlowAdd> traps(OFFactory of, U64 cookie, RouterConfig config) {
        List<OFFlowAdd> flows = new ArrayList<>();
        for (Subnet subnet : config.subnets()) {
            flows.add(of.buildFlowAdd().setCookie(cookie).setPriority(ARP_TRAP_PRIORITY)
                    .setMatch(of.buildMatch()
                            .setExact(MatchField.ETH_TYPE, EthType.ARP)
                            .setExact(MatchField.ARP_TPA, subnet.address())
                            .build())
                    .setInstructions(Flows.apply(of, Flows.output(of, OFPort.CONTROLLER)))
                    .build());
        }
        flows.add(of.buildFlowAdd().setCookie(cookie).setPriority(TRAP_PRIORITY)
                .setMatch(of.buildMatch().setExact(MatchField.ETH_DST, config.routerMac()).build())
                .setInstructions(Flows.apply(of, Flows.output(of, OFPort.CONTROLLER)))
                .build());
        return flows;
    }

    /**
     * The rewrite that makes a hop: from the router to the next host, one TTL less, into the next host's
     * VLAN when its subnet has one ({@code vlan} null: the packet keeps its own), out of {@code out}.
     */
    static List<OFAction> hop(OFFactory of, MacAddress routerMac, MacAddress nextMac, Integer vlan, OFPort out) {
        List<OFAction> actions = new ArrayList<>(List.of(
                of.actions().setField(of.oxms().ethSrc(routerMac)),
                of.actions().setField(of.oxms().ethDst(nextMac)),
                of.actions().decNwTtl()));
        if (vlan != null) {
            actions.add(of.actions().setField(of.oxms().vlanVid(OFVlanVidMatch.ofVlan(vlan))));
        }
        actions.add(Flows.output(of, out));
        return actions;
    }

    /** The cookie of routed entries: the app's, with 1 in the low bits (traps have 0), to withdraw them alone. */
    static U64 routeCookie(U64 appCookie) {
        return appCookie.or(U64.of(1));
    }

    /** The entry that routes packets for {@code dst} entering this switch. */
    static OFFlowAdd route(OFFactory of, U64 appCookie, MacAddress routerMac, IPv4Address dst, List<OFAction> hop) {
        return of.buildFlowAdd().setCookie(routeCookie(appCookie)).setPriority(ROUTE_PRIORITY).setIdleTimeout(ROUTE_IDLE_TIMEOUT)
                .setMatch(of.buildMatch()
                        .setExact(MatchField.ETH_DST, routerMac)
                        .setExact(MatchField.ETH_TYPE, EthType.IPv4)
                        .setExact(MatchField.IPV4_DST, dst)
                        .build())
                .setInstructions(List.of(of.instructions().applyActions(hop)))
                .build();
    }

    /**
     * The entry that carries a routed packet (already rewritten: from the router's MAC to {@code hostMac})
     * across a switch after the one where it entered. Without it the switching app would get it: the
     * learning switch never sees a host that only talks to the gateway as a source (the router takes
     * those packets), so it would flood every routed packet through the controller.
     */
    static OFFlowAdd deliver(OFFactory of, U64 appCookie, MacAddress routerMac, MacAddress hostMac, OFPort out) {
        return of.buildFlowAdd().setCookie(routeCookie(appCookie)).setPriority(ROUTE_PRIORITY).setIdleTimeout(ROUTE_IDLE_TIMEOUT)
                .setMatch(of.buildMatch()
                        .setExact(MatchField.ETH_SRC, routerMac)
                        .setExact(MatchField.ETH_DST, hostMac)
                        .build())
                .setInstructions(Flows.apply(of, Flows.output(of, out)))
                .build();
    }

    /** Deletes every routed entry (a host moved, a link went down): the next packets are routed afresh. */
    static OFFlowDelete removeRoutes(OFFactory of, U64 appCookie) {
        return Flows.deleteByCookie(of, routeCookie(appCookie), U64.NO_MASK).build();
    }
}
