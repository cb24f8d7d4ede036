package dev.flowlab.apps.routing;

import dev.flowlab.controller.api.Flows;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFFlowAdd;
import org.projectfloodlight.openflow.protocol.OFFlowMod;
import org.projectfloodlight.openflow.protocol.action.OFAction;
import org.projectfloodlight.openflow.protocol.match.Match;
import org.projectfloodlight.openflow.protocol.match.MatchField;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.MacAddress;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.U64;

/**
 * The flow-mods for a route, as pure functions: what to send to which switch. No switch is
 * touched here, so tests read the answer directly.
 */
final class PathFlows {
    /** Above the table-miss entry, below what firewall-like apps install. */
    static final int PRIORITY = 100;
    /** Seconds without traffic after which a switch drops a route's entry by itself. */
    static final int IDLE_TIMEOUT = 30;

    /** One message for one switch. */
    record SwitchFlow(DatapathId dpid, OFFlowMod message) {
    }

    private PathFlows() {
    }

    /**
     * Entries forwarding frames from {@code src} to {@code dst} along {@code route}: one per switch,
     * matching the port the frames come in on. Ordered destination switch first, so that each
     * entry is in place before traffic can reach it from the entry sent after it.
     *
     * @param factories each switch's message factory (its OpenFlow version)
     */
    static List<SwitchFlow> install(Route route, MacAddress src, MacAddress dst, U64 cookie,
                                    Function<DatapathId, OFFactory> factories) {
        return entries(route).stream().map(e -> {
            OFFactory of = factories.apply(e.dpid());
            return new SwitchFlow(e.dpid(), flowAdd(of, e, src, dst, cookie,
                    List.of(Flows.output(of, ((HopEntry.Output) e.next()).port()))));
        }).toList();
    }

    /** The route's hops as entries that output to the next hop, destination switch first. */
    static List<HopEntry> entries(Route route) {
        List<HopEntry> entries = new ArrayList<>();
        for (Route.Hop hop : route.hops()) {
            entries.add(0, new HopEntry(hop.dpid(), hop.in(), PRIORITY, new HopEntry.Output(hop.out())));
        }
        return entries;
    }

    /** The flow-add of one entry of the {@code src -> dst} pair, with these actions. */
    static OFFlowAdd flowAdd(OFFactory of, HopEntry entry, MacAddress src, MacAddress dst, U64 cookie,
                             List<OFAction> actions) {
        Match.Builder match = of.buildMatch();
        if (entry.inPort() != null) {
            match.setExact(MatchField.IN_PORT, entry.inPort());
        }
        return of.buildFlowAdd()
                .setCookie(cookie)
                .setPriority(entry.priority())
                .setIdleTimeout(IDLE_TIMEOUT)
                .setMatch(match.setExact(MatchField.ETH_SRC, src).setExact(MatchField.ETH_DST, dst).build())
                .setInstructions(List.of(of.instructions().applyActions(actions)))
                .build();
    }

    /** Deletes of the {@code src -> dst} entries on every switch of {@code route}, whatever their in-port. */
    static List<SwitchFlow> remove(Route route, MacAddress src, MacAddress dst, U64 cookie,
                                   Function<DatapathId, OFFactory> factories) {
        return remove(route.path().switches(), src, dst, cookie, factories);
    }

    /** Deletes of the {@code src -> dst} entries on these switches, whatever their in-port and priority. */
    static List<SwitchFlow> remove(Collection<DatapathId> switches, MacAddress src, MacAddress dst, U64 cookie,
                                   Function<DatapathId, OFFactory> factories) {
        return switches.stream().map(dpid -> {
            OFFactory of = factories.apply(dpid);
            Match pair = of.buildMatch().setExact(MatchField.ETH_SRC, src).setExact(MatchField.ETH_DST, dst).build();
            return new SwitchFlow(dpid, delete(of, pair, cookie));
        }).toList();
    }

    /** Deletes every entry with this app's cookie: the clean slate for a switch that (re)connects. */
    static OFFlowMod removeAll(OFFactory of, U64 cookie) {
        return delete(of, of.buildMatch().build(), cookie);
    }

    /** Deletes every entry of the app that outputs to {@code port} (a link from it went down). */
    static OFFlowMod removeOutTo(OFFactory of, U64 cookie, OFPort port) {
        return Flows.deleteByCookie(of, cookie, Flows.APP_COOKIE_MASK).setOutPort(port).build();
    }

    private static OFFlowMod delete(OFFactory of, Match match, U64 cookie) {
        return Flows.deleteByCookie(of, cookie, Flows.APP_COOKIE_MASK).setMatch(match).build();
    }
}
