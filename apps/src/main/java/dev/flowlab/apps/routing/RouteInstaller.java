package dev.flowlab.apps.routing;

import dev.flowlab.apps.routing.InstalledRoutes.Installed;
import dev.flowlab.controller.api.AppContext;
import dev.flowlab.controller.api.Flows;
import dev.flowlab.controller.api.Groups;
import dev.flowlab.controller.api.Link;
import dev.flowlab.controller.api.PacketIn;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.api.TopologyService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.protocol.action.OFAction;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.MacAddress;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.U64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts legs on the switches and takes them off again: plans each leg's entries (one path, one path
 * with fast-failover backups, or every equal-cost path: {@link RoutingConfig}), adds the groups they
 * need, sends them, remembers what it installed in {@link InstalledRoutes}, and withdraws legs whose
 * links went down.
 */
final class RouteInstaller {
    private static final Logger LOG = LoggerFactory.getLogger(RouteInstaller.class);
    /** For messages to a switch that just left (they are dropped anyway). */
    private static final OFFactory GONE = OFFactories.getFactory(OFVersion.OF_13);

    private final AppContext context;
    private final TopologyService topology;
    private final RoutingConfig config;
    private final GroupCache groups;
    private final U64 cookie;
    private final InstalledRoutes installed = new InstalledRoutes();
    private volatile boolean warnedNoGroups;

    /** One leg's entries, and what it depends on. */
    private record Planned(Leg leg, List<HopEntry> entries, Set<Link> cables) {
        Installed installed() {
            Set<DatapathId> switches = new LinkedHashSet<>();
            entries.forEach(e -> switches.add(e.dpid()));
            return new Installed(leg, cables, switches);
        }
    }

    RouteInstaller(AppContext context, TopologyService topology, RoutingConfig config) {
        this.context = context;
        this.topology = topology;
        this.config = config;
        this.groups = config.usesGroups() ? new GroupCache(context.groups()) : null;
        this.cookie = context.cookie();
    }

    /** A switch (re)connected: entries and groups from an earlier run may lead anywhere. */
    void clean(Switch sw) {
        sw.send(PathFlows.removeAll(sw.factory(), cookie));
        if (groups != null && Groups.supported(sw.factory())) {
            groups.reset(sw);
        }
    }

    /** A switch is gone: nothing of it is kept here. */
    void forget(DatapathId dpid) {
        if (groups != null) {
            groups.forget(dpid);
        }
    }

    /**
     * Sends the legs' entries to every switch but the packet's, waits for their barriers, then sets
     * up the packet's switch and forwards the packet along the first leg: it never overtakes its
     * own entries.
     */
    void installThenForward(PacketIn in, List<Leg> legs) {
        whenPlanned(legs, (plans, flows) -> sendThenForward(in, plans, flows));
    }

    /** Plans and records the legs, then hands their flow-adds on once the groups they use exist. */
    private void whenPlanned(List<Leg> legs, BiConsumer<List<Planned>, List<PathFlows.SwitchFlow>> then) {
        List<Planned> plans = legs.stream().map(this::plan).toList();
        plans.forEach(p -> installed.put(p.installed()));
        flows(plans).whenComplete((flows, failed) -> {
            if (failed != null) {
                LOG.debug("route {} not set up: {}", legs.get(0), failed.toString());
                plans.forEach(p -> installed.remove(p.installed()));
                return;
            }
            then.accept(plans, flows);
        });
    }

    private void sendThenForward(PacketIn in, List<Planned> plans, List<PathFlows.SwitchFlow> flows) {
        Switch ingress = in.sw();
        List<PathFlows.SwitchFlow> atIngress = new ArrayList<>();
        Map<DatapathId, Switch> elsewhere = new LinkedHashMap<>();
        for (PathFlows.SwitchFlow flow : flows) {
            if (flow.dpid().equals(ingress.id())) {
                atIngress.add(flow);
                continue;
            }
            Switch sw = elsewhere.computeIfAbsent(flow.dpid(), dpid -> context.switchById(dpid).orElse(null));
            if (sw == null) {
                plans.forEach(p -> installed.remove(p.installed()));
                return;   // the switch left; the topology will drop its links in a moment
            }
            sw.send(flow.message());
        }
        CompletableFuture<?>[] ready = elsewhere.values().stream().map(Switch::barrier).toArray(CompletableFuture[]::new);
        OFPort firstHop = plans.get(0).leg().route().hops().get(0).out();
        CompletableFuture.allOf(ready).whenComplete((ok, failed) -> {
            if (failed != null) {
                LOG.debug("route {} not confirmed: {}", plans.get(0).leg(), failed.toString());
                return;
            }
            atIngress.forEach(f -> ingress.send(f.message()));
            in.forward(firstHop);
            withdrawBroken(plans);
        });
    }

    /** Sends the legs' entries, destination switch first, for traffic that is about to come. */
    void install(List<Leg> legs) {
        whenPlanned(legs, (plans, flows) -> {
            flows.forEach(f -> context.switchById(f.dpid()).ifPresent(sw -> sw.send(f.message())));
            withdrawBroken(plans);
        });
    }

    private Planned plan(Leg leg) {
        Route route = leg.route();
        if (config.usesGroups() && !groupsEverywhere()) {
            return new Planned(leg, PathFlows.entries(route), Set.copyOf(route.path().links()));
        }
        if (config.ecmp()) {
            EqualCostPlan.Plan p = EqualCostPlan.entries(route.from(), route.to(), topology, this::factoryOf);
            return new Planned(leg, p.entries(), p.cables());
        }
        List<HopEntry> entries = config.fastFailover() ? FailoverPlan.entries(route, topology, this::factoryOf) : PathFlows.entries(route);
        return new Planned(leg, entries, Set.copyOf(route.path().links()));
    }

    /**
     * The flow-adds of the plans, in order; completes at once without groups, else once every group
     * they point at is on its switch.
     */
    private CompletableFuture<List<PathFlows.SwitchFlow>> flows(List<Planned> plans) {
        List<CompletableFuture<PathFlows.SwitchFlow>> flows = new ArrayList<>();
        for (Planned p : plans) {
            for (HopEntry e : p.entries()) {
                flows.add(flow(e, p.leg().src(), p.leg().dst()));
            }
        }
        return CompletableFuture.allOf(flows.toArray(CompletableFuture[]::new))
                .thenApply(v -> flows.stream().map(CompletableFuture::join).toList());
    }

    private CompletableFuture<PathFlows.SwitchFlow> flow(HopEntry e, MacAddress src, MacAddress dst) {
        OFFactory of = factoryOf(e.dpid());
        if (e.next() instanceof HopEntry.Output out) {
            return CompletableFuture.completedFuture(new PathFlows.SwitchFlow(e.dpid(),
                    PathFlows.flowAdd(of, e, src, dst, cookie, List.of(Flows.output(of, out.port())))));
        }
        HopEntry.Group group = (HopEntry.Group) e.next();
        Switch sw = context.switchById(e.dpid()).orElse(null);
        if (sw == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("switch " + e.dpid() + " left"));
        }
        return groups.id(sw, group.type(), group.buckets()).thenApply(id -> new PathFlows.SwitchFlow(e.dpid(),
                PathFlows.flowAdd(of, e, src, dst, cookie, List.<OFAction>of(Groups.action(of, id)))));
    }

    /**
     * Whether every connected switch takes groups; if one does not (OpenFlow 1.0 or 1.5), routes are
     * plain shortest paths, said once in the log.
     */
    private boolean groupsEverywhere() {
        Optional<Switch> without = context.switches().stream().filter(sw -> !Groups.supported(sw.factory())).findFirst();
        if (without.isPresent() && !warnedNoGroups) {
            warnedNoGroups = true;
            LOG.warn("switch {} cannot take groups ({}): fast_failover and ecmp are off, routes are plain shortest paths",
                    without.get().id(), without.get().factory().getVersion());
        }
        return without.isEmpty();
    }

    /** The switch's factory: the routing app runs on every version from 1.3 on, so switches may differ. */
    private OFFactory factoryOf(DatapathId dpid) {
        return context.switchById(dpid).map(Switch::factory).orElse(GONE);
    }

    /** A link that went down while we installed is no longer in the topology: take its legs off again. */
    private void withdrawBroken(List<Planned> plans) {
        for (Planned p : plans) {
            if (!topology.links().containsAll(p.cables())) {
                withdraw(p.installed());
            }
        }
    }

    /** Withdraws every leg over {@code link}'s cable; returns them, so they can be routed again. */
    List<Leg> withdrawUsing(Link link) {
        List<Installed> gone = installed.removeUsing(link);
        gone.forEach(this::withdraw);
        return gone.stream().map(Installed::leg).toList();
    }

    /** Withdraws every leg to or from a host. */
    void withdrawHost(MacAddress mac) {
        installed.removeHost(mac).forEach(this::withdraw);
    }

    /** Deletes a leg's entries on every switch that holds them; the pair's next packet finds a new route. */
    private void withdraw(Installed leg) {
        installed.remove(leg);
        for (PathFlows.SwitchFlow f : PathFlows.remove(leg.switches(), leg.leg().src(), leg.leg().dst(), cookie, this::factoryOf)) {
            context.switchById(f.dpid()).ifPresent(sw -> sw.send(f.message()));
        }
    }
}
