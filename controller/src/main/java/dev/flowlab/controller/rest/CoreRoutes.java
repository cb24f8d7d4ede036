package dev.flowlab.controller.rest;

import dev.flowlab.controller.api.HostService;
import dev.flowlab.controller.api.TopologyService;
import dev.flowlab.controller.core.GroupsAndMeters;
import dev.flowlab.controller.core.LoadedApp;
import dev.flowlab.controller.core.SwitchRegistry;
import java.util.List;

/** Registers the controller's own REST routes (everything under {@code /api} that no app contributes). */
public final class CoreRoutes {
    private CoreRoutes() {
    }

    /** Adds the switch, flow, group, meter, app, counter, cluster, link, host and path routes to {@code routes}. */
    public static void register(RouteTable routes, SwitchRegistry registry, List<LoadedApp> apps, TopologyService topology,
                                HostService hosts, GroupsAndMeters groupsAndMeters, StaticFlows staticFlows) {
        new SwitchRoutes(registry, staticFlows).register(routes);
        new GroupMeterRoutes(registry, groupsAndMeters).register(routes);
        new ControllerRoutes(registry, apps).register(routes);
        new ClusterRoutes(registry).register(routes);
        new TopologyRoutes(topology, hosts).register(routes);
    }
}
