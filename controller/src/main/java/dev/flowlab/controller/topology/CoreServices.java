package dev.flowlab.controller.topology;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import dev.flowlab.controller.api.AgeingTable;
import dev.flowlab.controller.api.HostService;
import dev.flowlab.controller.api.TopologyService;
import dev.flowlab.controller.api.VlanRole;
import dev.flowlab.controller.core.LoadedApp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The services every controller runs, whatever the apps: link discovery with its topology, and the
 * host tracker. They take part in events as apps that run before all others, and apps receive them
 * by injection ({@link #module()}).
 */
public final class CoreServices {
    private final TopologyView topology = new TopologyView();
    private final HostTracker hosts;
    private final LinkDiscovery discovery;

    /** The services with the default host table: {@link HostTracker#DEFAULT_MAX_HOSTS}, each forgotten after 300 s. */
    public CoreServices() {
        this(HostTracker.DEFAULT_MAX_HOSTS, AgeingTable.DEFAULT_AGEING);
    }

    /**
     * The services with a host table of at most {@code maxHosts}, each forgotten {@code hostAgeing}
     * after its last packet; link discovery runs its rounds on a thread of its own.
     */
    public CoreServices(int maxHosts, Duration hostAgeing) {
        this(maxHosts, hostAgeing, null);
    }

    /** As above, but link discovery runs its rounds on {@code discoveryRounds} (a test's hand-driven scheduler). */
    public CoreServices(int maxHosts, Duration hostAgeing, ScheduledExecutorService discoveryRounds) {
        this(maxHosts, hostAgeing, discoveryRounds, Map.of());
    }

    /**
     * As above, on a network whose switch ports have these VLAN roles, by port name (the VLAN stage's): with
     * QinQ tunnel ports among them the host tracker tells customers that share a VLAN apart.
     */
    public CoreServices(int maxHosts, Duration hostAgeing, ScheduledExecutorService discoveryRounds,
                        Map<String, VlanRole> vlanRolesByPortName) {
        boolean qinq = vlanRolesByPortName.values().stream().anyMatch(r -> r.kind() == VlanRole.Kind.TUNNEL);
        HostTracker.PortRoles roles = !qinq ? HostTracker.PortRoles.NONE : (dpid, port) -> topology.handle(dpid)
                .flatMap(sw -> sw.port(port)).map(p -> vlanRolesByPortName.getOrDefault(p.getName(), VlanRole.NONE))
                .orElse(VlanRole.NONE);
        hosts = new HostTracker(topology, roles, maxHosts, hostAgeing, System::nanoTime);
        discovery = new LinkDiscovery(topology, LldpProbe.withRandomSecret(LinkDiscovery.DEFAULT_TIMEOUT),
                LinkDiscovery.DEFAULT_INTERVAL, LinkDiscovery.DEFAULT_TIMEOUT, discoveryRounds);
    }

    public TopologyService topology() {
        return topology;
    }

    public HostService hosts() {
        return hosts;
    }

    /** Bindings that let apps {@code @Inject} the services. */
    public Module module() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                bind(TopologyService.class).toInstance(topology);
                bind(HostService.class).toInstance(hosts);
            }
        };
    }

    /** The services as event handlers, to run ahead of the apps. */
    public List<LoadedApp> apps() {
        return List.of(new LoadedApp("link-discovery", discovery), new LoadedApp("host-tracker", hosts));
    }
}
