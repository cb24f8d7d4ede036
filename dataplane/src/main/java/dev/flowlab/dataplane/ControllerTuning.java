package dev.flowlab.dataplane;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How Open vSwitch watches a controller connection: it sends an echo after {@code inactivityProbe}
 * of silence and drops the connection (and, in {@code standalone} fail-mode, starts switching on its
 * own) when no answer comes; reconnection attempts back off up to {@code maxBackoff}.
 *
 * @param inactivityProbe probe interval; null for OVS's default (5 s)
 * @param maxBackoff      longest wait between reconnection attempts; null for OVS's default (8 s)
 */
public record ControllerTuning(Duration inactivityProbe, Duration maxBackoff) {
    /** ovs-vsctl arguments that set both on one Controller record (its uuid, or a bridge name when it has one). */
    List<String> ovsArgs(String record) {
        List<String> args = new ArrayList<>(List.of("--", "set", "Controller", record));
        args.add(inactivityProbe == null ? "inactivity_probe=[]" : "inactivity_probe=" + inactivityProbe.toMillis());
        args.add(maxBackoff == null ? "max_backoff=[]" : "max_backoff=" + maxBackoff.toMillis());
        return args;
    }

    /** From ovs-vsctl's values in milliseconds, {@code []} where unset. */
    static ControllerTuning parse(String inactivityProbe, String maxBackoff) {
        return new ControllerTuning(millis(inactivityProbe), millis(maxBackoff));
    }

    private static Duration millis(String value) {
        String v = value.strip();
        return v.isEmpty() || v.equals("[]") ? null : Duration.ofMillis(Long.parseLong(v));
    }
}
