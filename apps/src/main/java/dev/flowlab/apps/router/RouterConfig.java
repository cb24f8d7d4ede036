package dev.flowlab.apps.router;

import java.util.List;
import org.projectfloodlight.openflow.types.MacAddress;

/**
 * The router app's config file ({@code --app-config router=FILE}), YAML or JSON:
 *
 * <pre>
 * mac: 02:00:00:00:00:fe        # the gateways' (virtual) MAC; this is the default
 * subnets:
 *   - gateway: 10.0.1.1/24      # hosts of 10.0.1.0/24 use 10.0.1.1 as default gateway
 *   - gateway: 10.0.2.1/24
 * routes:                       # optional static routes via routers in those subnets
 *   - prefix: 10.0.3.0/24
 *     next_hop: 10.0.2.254
 * </pre>
 */
public record RouterConfig(String mac, List<Subnet> subnets, List<StaticRoute> routes) {
    public static final String DEFAULT_MAC = "02:00:00:00:00:fe";

    public RouterConfig {
        mac = mac == null ? DEFAULT_MAC : mac;
        try {
            MacAddress parsed = MacAddress.of(mac);
            if (parsed.isMulticast() || parsed.equals(MacAddress.NONE)) {
                throw new IllegalArgumentException(mac);
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("mac '" + mac + "' is not a unicast MAC address like " + DEFAULT_MAC);
        }
        subnets = subnets == null ? List.of() : List.copyOf(subnets);
        routes = routes == null ? List.of() : List.copyOf(routes);
        if (subnets.isEmpty()) {
            throw new IllegalArgumentException("subnets is empty: list at least one, like - gateway: 10.0.1.1/24");
        }
        for (int i = 0; i < subnets.size(); i++) {
            for (int j = i + 1; j < subnets.size(); j++) {
                if (subnets.get(i).contains(subnets.get(j).address()) || subnets.get(j).contains(subnets.get(i).address())) {
                    throw new IllegalArgumentException("subnets " + subnets.get(i).gateway() + " and " + subnets.get(j).gateway()
                            + " overlap; give each subnet its own prefix");
                }
            }
        }
        for (StaticRoute route : routes) {
            if (subnets.stream().noneMatch(s -> s.contains(route.nextHopAddress()))) {
                throw new IllegalArgumentException("route to " + route.prefix() + ": next_hop " + route.nextHop()
                        + " is in none of the router's subnets; it must be directly reachable");
            }
        }
    }

    /** The gateways' MAC address. */
    public MacAddress routerMac() {
        return MacAddress.of(mac);
    }
}
