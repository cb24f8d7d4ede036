package dev.flowlab.controller.rest;

import dev.flowlab.controller.core.LoadedApp;
import dev.flowlab.controller.core.SwitchCounters;
import dev.flowlab.controller.core.SwitchRegistry;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.projectfloodlight.openflow.types.DatapathId;

/** {@code /api/apps} (the running apps, in the order they see packets) and {@code /api/counters}. */
final class ControllerRoutes {
    record AppView(String id, int order) {
    }

    record CounterView(long packetIns, long flowMods, long packetOuts, long errors) {
        static CounterView of(SwitchCounters c) {
            return new CounterView(c.packetIns(), c.flowMods(), c.packetOuts(), c.errors());
        }
    }

    record CountersView(CounterView total, Map<String, CounterView> switches) {
    }

    private static final Pattern KEBAB_CASE = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private final SwitchRegistry registry;
    private final List<LoadedApp> apps;

    ControllerRoutes(SwitchRegistry registry, List<LoadedApp> apps) {
        this.registry = registry;
        this.apps = apps;
    }

    void register(RouteTable routes) {
        // Apps by id (core services and --apps); not the helpers a program passes in as objects.
        routes.add("GET", "/api/apps", r -> apps.stream().filter(a -> KEBAB_CASE.matcher(a.id()).matches())
                .map(a -> new AppView(a.id(), a.app().order())).toList());
        routes.add("GET", "/api/counters", r -> counters());
        routes.add("GET", "/api/switches/{dpid}/counters", r ->
                CounterView.of(registry.counters(Dpids.connected(registry, r.param("dpid")).id())));
    }

    private CountersView counters() {
        Map<String, CounterView> perSwitch = new TreeMap<>();
        long packetIns = 0;
        long flowMods = 0;
        long packetOuts = 0;
        long errors = 0;
        for (Map.Entry<DatapathId, SwitchCounters> e : registry.allCounters().entrySet()) {
            CounterView c = CounterView.of(e.getValue());
            perSwitch.put(e.getKey().toString(), c);
            packetIns += c.packetIns();
            flowMods += c.flowMods();
            packetOuts += c.packetOuts();
            errors += c.errors();
        }
        return new CountersView(new CounterView(packetIns, flowMods, packetOuts, errors), perSwitch);
    }
}
