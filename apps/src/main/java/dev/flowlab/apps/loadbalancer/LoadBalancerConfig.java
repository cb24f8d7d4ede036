package dev.flowlab.apps.loadbalancer;

import java.util.HashSet;
import java.util.List;
import org.projectfloodlight.openflow.types.IPv4Address;
import org.projectfloodlight.openflow.types.MacAddress;

/**
 * The load balancer's config file ({@code --app-config load-balancer=FILE}), YAML or JSON:
 *
 * <pre>
 * vip: 10.0.0.100               # the virtual IP clients connect to (no host may have it)
 * mac: 02:00:00:00:00:64        # the virtual MAC the controller answers ARP for it with; this is the default
 * servers: [10.0.0.2, 10.0.0.3, 10.0.0.6]   # the pool, taken in turn for each new TCP connection
 * idle_timeout: 10              # seconds a connection's entries stay without a packet; this is the default
 * </pre>
 */
public record LoadBalancerConfig(String vip, String mac, List<String> servers, Integer idleTimeout) {
    public static final String DEFAULT_MAC = "02:00:00:00:00:64";
    static final int DEFAULT_IDLE_TIMEOUT = 10;

    public LoadBalancerConfig {
        if (vip == null) {
            throw new IllegalArgumentException("vip is missing: the virtual IP clients connect to, like vip: 10.0.0.100");
        }
        address("vip", vip);
        mac = mac == null ? DEFAULT_MAC : mac;
        MacAddress parsed;
        try {
            parsed = MacAddress.of(mac);
        } catch (RuntimeException e) {
            parsed = MacAddress.NONE;
        }
        if (parsed.isMulticast() || parsed.equals(MacAddress.NONE)) {
            throw new IllegalArgumentException("mac '" + mac + "' is not a unicast MAC address like " + DEFAULT_MAC);
        }
        servers = servers == null ? List.of() : List.copyOf(servers);
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("servers is empty: list the pool's addresses, like servers: [10.0.0.2, 10.0.0.3]");
        }
        servers.forEach(s -> address("server", s));
        if (new HashSet<>(servers).size() != servers.size() || servers.contains(vip)) {
            throw new IllegalArgumentException("servers " + servers + " name an address twice or the vip " + vip);
        }
        idleTimeout = idleTimeout == null ? DEFAULT_IDLE_TIMEOUT : idleTimeout;
        if (idleTimeout < 1 || idleTimeout > 65535) {
            throw new IllegalArgumentException("idle_timeout " + idleTimeout + " must be 1-65535 seconds");
        }
    }

    private static void address(String what, String text) {
        try {
            IPv4Address.of(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(what + " '" + text + "' is not an IPv4 address like 10.0.0.100");
        }
    }

    IPv4Address vipAddress() {
        return IPv4Address.of(vip);
    }

    MacAddress vipMac() {
        return MacAddress.of(mac);
    }

    List<IPv4Address> serverAddresses() {
        return servers.stream().map(IPv4Address::of).toList();
    }
}
