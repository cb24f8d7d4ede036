package dev.flowlab.apps.routing;

import dev.flowlab.controller.api.Flows;
import dev.flowlab.controller.api.Groups;
import dev.flowlab.controller.api.Link;
import dev.flowlab.controller.api.Path;
import dev.flowlab.controller.api.SwitchPort;
import dev.flowlab.controller.api.TopologyService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFGroupType;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.OFPort;

/**
 * A route with a backup for each inter-switch hop, precomputed: the hop sends to a fast-failover group
 * whose first bucket is the route's next hop and whose second is the first hop of the shortest path
 * from that switch to the destination that avoids the hop's cable. The backup paths' entries are
 * installed too, one priority below the route's, so where a backup path crosses the route the route
 * wins. When a cable dies the switch at its end moves to the backup at once (OpenFlow's watch port),
 * before the controller hears of it; the controller then replaces the route as usual.
 *
 * <p>A backup that leaves by the port the frames came in on (back to the previous switch, on a ring)
 * outputs to {@code IN_PORT}, since OpenFlow drops an output to the in-port otherwise; the switch
 * behind then has a backup entry for frames coming back to it.
 */
final class FailoverPlan {
    /** Far heavier than any path: a cable with this weight is used only when there is no other way. */
    private static final double AVOID = 1_000_000;

    private FailoverPlan() {
    }

    /** The route's entries, destination switch first, then the backup paths' entries. */
    static List<HopEntry> entries(Route route, TopologyService topology, Function<DatapathId, OFFactory> factories) {
        List<HopEntry> primary = new ArrayList<>();
        List<HopEntry> backups = new ArrayList<>();
        List<Route.Hop> hops = route.hops();
        List<Link> links = route.path().links();
        for (int i = 0; i < hops.size(); i++) {
            Route.Hop hop = hops.get(i);
            Optional<Path> backup = i < links.size() ? avoiding(topology, links.get(i), route.to()) : Optional.empty();
            if (backup.isEmpty()) {
                primary.add(0, new HopEntry(hop.dpid(), hop.in(), PathFlows.PRIORITY, new HopEntry.Output(hop.out())));
                continue;
            }
            OFFactory of = factories.apply(hop.dpid());
            OFPort alternative = backup.get().links().get(0).srcPort();
            OFPort backupOut = alternative.equals(hop.in()) ? OFPort.IN_PORT : alternative;
            primary.add(0, new HopEntry(hop.dpid(), hop.in(), PathFlows.PRIORITY, new HopEntry.Group(OFGroupType.FF, List.of(
                    Groups.watching(of, hop.out(), Flows.output(of, hop.out())),
                    Groups.watching(of, alternative, Flows.output(of, backupOut))))));
            List<Route.Hop> detour = new Route(new SwitchPort(hop.dpid(), hop.in()), backup.get(), route.to()).hops();
            for (Route.Hop d : detour.subList(1, detour.size())) {
                backups.add(0, new HopEntry(d.dpid(), d.in(), PathFlows.PRIORITY - 1, new HopEntry.Output(d.out())));
            }
        }
        List<HopEntry> all = new ArrayList<>(backups);   // the detours first: in place before traffic can need them
        all.addAll(primary);
        return all;
    }

    /** The shortest path from {@code cable}'s near end to {@code to}'s switch that does not cross the cable. */
    private static Optional<Path> avoiding(TopologyService topology, Link cable, SwitchPort to) {
        return topology.shortestPath(cable.srcDpid(), to.dpid(),
                        l -> l.equals(cable) || l.equals(cable.reversed()) ? AVOID : 1.0)
                .filter(p -> !p.links().contains(cable) && !p.links().contains(cable.reversed()) && !p.links().isEmpty());
    }
}
