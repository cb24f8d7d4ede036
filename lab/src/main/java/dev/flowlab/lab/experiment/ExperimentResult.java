package dev.flowlab.lab.experiment;

import java.util.List;

/**
 * The whole experiment as written to {@code results.json}: how it was set up and what each mode did.
 *
 * @param command the exact command line that produced it
 */
public record ExperimentResult(String command, Setup setup, List<ModeResult> modes) {

    /**
     * What a reader needs to reproduce the run.
     *
     * @param inactivityProbeMs OVS controller inactivity_probe set on every bridge
     * @param maxBackoffMs      OVS controller max_backoff set on every bridge
     * @param downSeconds       how long the controller stayed stopped
     */
    public record Setup(String topology, int hosts, int switches, List<String> apps, String datapathType,
                        String flowlabVersion, String ovsVersion, String kernel, String java,
                        long inactivityProbeMs, long maxBackoffMs, double probeIntervalSeconds, double downSeconds,
                        String establishedPair, String freshPair, String startedAt) {
    }
}
