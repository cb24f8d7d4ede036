package dev.flowlab.lab.experiment;

import dev.flowlab.topologies.Topology;
import java.time.Duration;
import java.util.List;

/**
 * How the experiment runs; the same for both fail-modes.
 *
 * @param down            how long the controller stays stopped
 * @param probeInterval   time between echo requests of the continuous probes
 * @param inactivityProbe OVS controller inactivity_probe written to every bridge's controller record
 * @param maxBackoff      OVS controller max_backoff (longest wait between reconnection attempts)
 * @param iperf           length of the TCP throughput measurement
 * @param flowSampling    period of the flow-table samples
 */
public record Settings(String topologySpec, Topology topology, List<String> apps, String prefix, Duration down,
                       Duration probeInterval, Duration inactivityProbe, Duration maxBackoff, Duration iperf,
                       Duration flowSampling) {
    public Settings {
        apps = List.copyOf(apps);
        if (topology.hosts().size() < 3) {
            throw new IllegalArgumentException("--topo " + topologySpec + " has " + topology.hosts().size()
                    + " hosts; the experiment needs at least 3 (a pair that talked and one that never did): try linear,3");
        }
        if (inactivityProbe.toMillis() < 5000) {
            throw new IllegalArgumentException("--inactivity-probe " + inactivityProbe.toMillis()
                    + " ms: Open vSwitch treats anything below 5 s as 5 s; give 5s or more");
        }
        if (maxBackoff.toMillis() < 1000) {
            throw new IllegalArgumentException("--max-backoff must be at least 1s (OVS's minimum)");
        }
        if (probeInterval.toMillis() < 10 || probeInterval.toMillis() > 1000) {
            throw new IllegalArgumentException("--probe-interval must be between 10ms and 1s");
        }
    }
}
