package dev.flowlab.lab.experiment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.flowlab.dataplane.FailMode;
import java.util.List;

/**
 * Everything measured for one fail-mode. Epoch times are Unix seconds; durations are seconds.
 *
 * @param failMode        the bridges' fail-mode in this run (results.json names it {@code mode}: standalone or secure)
 * @param pingallUp       pingall with the controller up (phase 1)
 * @param firstPacket     first-packet against steady RTT of the established pair, after its flows were cleared
 * @param iperfMbits      TCP throughput of the established pair, received Mbit/s
 * @param controllerDown  epoch when the controller was stopped
 * @param controllerUp    epoch when it listened again
 * @param reconnect       seconds from listening again until every switch had finished its handshake
 * @param established     probe of the pair that talked before the controller stopped
 * @param fresh           probe of the pair that never talked before the controller stopped
 * @param pingallDown     pingall just before the controller came back
 * @param pingallAfter    pingall once the probes worked again after the restart
 * @param flowSamples     every switch's flow table, sampled from just before the stop to the end
 */
public record ModeResult(@JsonIgnore FailMode failMode, Pingall pingallUp, FirstPacket firstPacket, double iperfMbits,
                         double controllerDown, double controllerUp, double reconnect, PairRun established,
                         PairRun fresh, Pingall pingallDown, Pingall pingallAfter, List<FlowSample> flowSamples) {

    /** {@code standalone} or {@code secure}, as OVS and the report name it. */
    @JsonProperty("mode")
    public String mode() {
        return failMode.ovsName();
    }

    /** A pingall's outcome: ordered pairs, how many got a reply, and how long it took. */
    public record Pingall(int pairs, int received, double lossPercent, double seconds, List<String> failed) {
    }

    /** RTTs of a fresh ping series: the first request pays for ARP and the reactive flow set-up. */
    public record FirstPacket(String source, String destination, double firstMs, double steadyMs, List<Double> rttsMs) {
    }

    /** One probed pair: its raw samples and their summary. */
    public record PairRun(String source, String destination, List<ProbeSample> samples, PairSummary summary) {
        public String label() {
            return source + "->" + destination;
        }
    }
}
