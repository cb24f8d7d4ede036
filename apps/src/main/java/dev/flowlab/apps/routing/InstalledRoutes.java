package dev.flowlab.apps.routing;

import dev.flowlab.controller.api.Link;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.projectfloodlight.openflow.types.MacAddress;

/** The route installed for each (source MAC, destination MAC) pair, so it can be withdrawn later. */
final class InstalledRoutes {

    /** One installed route and the pair of hosts it carries. */
    record Entry(MacAddress src, MacAddress dst, Route route) {
    }

    private record Pair(MacAddress src, MacAddress dst) {
    }

    private final Map<Pair, Route> routes = new ConcurrentHashMap<>();

    void put(MacAddress src, MacAddress dst, Route route) {
        routes.put(new Pair(src, dst), route);
    }

    /** Forgets the pair's route if it is still {@code route}; true if it was. */
    boolean remove(MacAddress src, MacAddress dst, Route route) {
        return routes.remove(new Pair(src, dst), route);
    }

    /** Removes and returns the routes that cross {@code link}'s cable. */
    List<Entry> removeUsing(Link link) {
        return removeIf(e -> e.route().uses(link));
    }

    /** Removes and returns the routes to or from {@code mac}. */
    List<Entry> removeHost(MacAddress mac) {
        return removeIf(e -> e.src().equals(mac) || e.dst().equals(mac));
    }

    int size() {
        return routes.size();
    }

    private List<Entry> removeIf(Predicate<Entry> gone) {
        List<Entry> removed = new ArrayList<>();
        routes.forEach((pair, route) -> {
            Entry e = new Entry(pair.src(), pair.dst(), route);
            if (gone.test(e) && routes.remove(pair, route)) {
                removed.add(e);
            }
        });
        return removed;
    }
}
