package dev.flowlab.apps.routing;

import dev.flowlab.controller.api.AppContext;
import dev.flowlab.controller.api.Link;
import dev.flowlab.controller.api.PacketIn;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.api.TopologyService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.MacAddress;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.U64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts legs on the switches and takes them off again: sends {@link PathFlows}, remembers what it
 * installed in {@link InstalledRoutes}, and withdraws legs whose links went down.
 */
final class RouteInstaller {
    private static final Logger LOG = LoggerFactory.getLogger(RouteInstaller.class);
    /** For a switch that just left: its entries are built but never sent (the callers check the switch). */
    private static final OFFactory GONE = OFFactories.getFactory(OFVersion.OF_13);

    private final AppContext context;
    private final TopologyService topology;
    private final U64 cookie;
    private final InstalledRoutes installed = new InstalledRoutes();

    RouteInstaller(AppContext context, TopologyService topology) {
        this.context = context;
        this.topology = topology;
        this.cookie = context.cookie();
    }

    /**
     * Sends the legs' entries to every switch but the packet's, waits for their barriers, then sets
     * up the packet's switch and forwards the packet along the first leg: it never overtakes its
     * own entries.
     */
    void installThenForward(PacketIn in, List<Leg> legs) {
        Switch ingress = in.sw();
        List<PathFlows.SwitchFlow> atIngress = new ArrayList<>();
        Map<DatapathId, Switch> elsewhere = new LinkedHashMap<>();
        for (Leg leg : legs) {
            installed.put(leg);
            for (PathFlows.SwitchFlow flow : PathFlows.install(leg.route(), leg.src(), leg.dst(), cookie, this::factoryOf)) {
                if (flow.dpid().equals(ingress.id())) {
                    atIngress.add(flow);
                    continue;
                }
                Switch sw = elsewhere.computeIfAbsent(flow.dpid(), dpid -> context.switchById(dpid).orElse(null));
                if (sw == null) {
                    legs.forEach(installed::remove);
                    return;   // the switch left; the topology will drop its links in a moment
                }
                sw.send(flow.message());
            }
        }
        CompletableFuture<?>[] ready = elsewhere.values().stream().map(Switch::barrier).toArray(CompletableFuture[]::new);
        OFPort firstHop = legs.get(0).route().hops().get(0).out();
        CompletableFuture.allOf(ready).whenComplete((ok, failed) -> {
            if (failed != null) {
                LOG.debug("route {} not confirmed: {}", legs.get(0), failed.toString());
                return;
            }
            atIngress.forEach(f -> ingress.send(f.message()));
            in.forward(firstHop);
            withdrawBroken(legs);
        });
    }

    /** Sends the legs' entries, destination switch first, for traffic that is about to come. */
    void install(List<Leg> legs) {
        for (Leg leg : legs) {
            installed.put(leg);
            for (PathFlows.SwitchFlow flow : PathFlows.install(leg.route(), leg.src(), leg.dst(), cookie, this::factoryOf)) {
                context.switchById(flow.dpid()).ifPresent(sw -> sw.send(flow.message()));
            }
        }
        withdrawBroken(legs);
    }

    /** A link that went down while we installed is no longer in the topology: take its legs off again. */
    private void withdrawBroken(List<Leg> legs) {
        for (Leg leg : legs) {
            if (!topology.links().containsAll(leg.route().path().links())) {
                withdraw(leg);
            }
        }
    }

    /** Withdraws every leg over {@code link}'s cable. */
    void withdrawUsing(Link link) {
        installed.removeUsing(link).forEach(this::withdraw);
    }

    /** Withdraws every leg to or from a host. */
    void withdrawHost(MacAddress mac) {
        installed.removeHost(mac).forEach(this::withdraw);
    }

    /** The switch's factory: the routing app runs on every version from 1.3 on, so switches may differ. */
    private OFFactory factoryOf(DatapathId dpid) {
        return context.switchById(dpid).map(Switch::factory).orElse(GONE);
    }

    /** Deletes a leg's entries on every switch it crosses; the pair's next packet finds a new route. */
    private void withdraw(Leg leg) {
        installed.remove(leg);
        for (PathFlows.SwitchFlow f : PathFlows.remove(leg.route(), leg.src(), leg.dst(), cookie, this::factoryOf)) {
            context.switchById(f.dpid()).ifPresent(sw -> sw.send(f.message()));
        }
    }
}
