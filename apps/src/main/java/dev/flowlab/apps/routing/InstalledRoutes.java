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

    private record Pair(MacAddress src, MacAddress dst) {
    }

    private final Map<Pair, Route> routes = new ConcurrentHashMap<>();

    void put(Leg leg) {
        routes.put(new Pair(leg.src(), leg.dst()), leg.route());
    }

    /** Forgets the pair's route if it is still this leg's; true if it was. */
    boolean remove(Leg leg) {
        return routes.remove(new Pair(leg.src(), leg.dst()), leg.route());
    }

    /** Removes and returns the legs whose route crosses {@code link}'s cable. */
    List<Leg> removeUsing(Link link) {
        return removeIf(leg -> leg.route().uses(link));
    }

    /** Removes and returns the legs to or from {@code mac}. */
    List<Leg> removeHost(MacAddress mac) {
        return removeIf(leg -> leg.src().equals(mac) || leg.dst().equals(mac));
    }

    int size() {
        return routes.size();
    }

    private List<Leg> removeIf(Predicate<Leg> gone) {
        List<Leg> removed = new ArrayList<>();
        routes.forEach((pair, route) -> {
            Leg leg = new Leg(pair.src(), pair.dst(), route);
            if (gone.test(leg) && routes.remove(pair, route)) {
                removed.add(leg);
            }
        });
        return removed;
    }
}
