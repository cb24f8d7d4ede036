package dev.flowlab.apps.qos;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The qos app's config file ({@code --app-config qos=FILE}), YAML or JSON:
 *
 * <pre>
 * limits:
 *   - {ip: 10.0.0.1, rate: 10}                         # Mbit/s
 *   - {mac: "00:00:00:00:00:02", rate: 2, burst: 200}   # burst in kbit (default: one second at the rate)
 * </pre>
 */
public record QosConfig(List<HostLimit> limits) {
    public QosConfig {
        limits = limits == null ? List.of() : List.copyOf(limits);
        Set<String> hosts = new HashSet<>();
        for (HostLimit l : limits) {
            if (!hosts.add(l.host())) {
                throw new IllegalArgumentException("host " + l.host() + " has two limits; give it one");
            }
        }
    }
}
