package dev.flowlab.apps.routing;

import dev.flowlab.controller.api.Link;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.MacAddress;

/** The route installed for each (source MAC, destination MAC) pair, so it can be withdrawn later. */
final class InstalledRoutes {

    /**
     * A leg as installed.
     *
     * @param cables   the links whose loss withdraws it (either direction)
     * @param switches the switches holding its entries
     */
    record Installed(Leg leg, Set<Link> cables, Set<DatapathId> switches) {
        boolean uses(Link link) {
            return cables.contains(link) || cables.contains(link.reversed());
        }
    }

    private record Pair(MacAddress src, MacAddress dst) {
    }

    private final Map<Pair, Installed> routes = new ConcurrentHashMap<>();

    void put(Installed installed) {
        routes.put(new Pair(installed.leg().src(), installed.leg().dst()), installed);
    }

    /** Forgets the pair's route if it is still this one; true if it was. */
    boolean remove(Installed installed) {
        return routes.remove(new Pair(installed.leg().src(), installed.leg().dst()), installed);
    }

    /** Removes and returns the legs that use {@code link}'s cable. */
    List<Installed> removeUsing(Link link) {
        return removeIf(i -> i.uses(link));
    }

    /** Removes and returns the legs to or from {@code mac}. */
    List<Installed> removeHost(MacAddress mac) {
        return removeIf(i -> i.leg().src().equals(mac) || i.leg().dst().equals(mac));
    }

    int size() {
        return routes.size();
    }

    private List<Installed> removeIf(Predicate<Installed> gone) {
        List<Installed> removed = new ArrayList<>();
        routes.forEach((pair, installed) -> {
            if (gone.test(installed) && routes.remove(pair, installed)) {
                removed.add(installed);
            }
        });
        return removed;
    }
}
