package dev.flowlab.lab.experiment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param label           what the report calls this run ({@code secure}; {@code cluster of 3, secure})
 * @param failover        what a cluster did when its master was killed; null without a cluster
 */
public record ModeResult(@JsonIgnore FailMode failMode, Pingall pingallUp, FirstPacket firstPacket, double iperfMbits,
                         double controllerDown, double controllerUp, double reconnect, PairRun established,
                         PairRun fresh, Pingall pingallDown, Pingall pingallAfter, List<FlowSample> flowSamples,
                         String label, @JsonInclude(JsonInclude.Include.NON_NULL) Failover failover) {

    /** A fail-mode run: labelled by its mode, no cluster. */
    public ModeResult(FailMode failMode, Pingall pingallUp, FirstPacket firstPacket, double iperfMbits,
                      double controllerDown, double controllerUp, double reconnect, PairRun established,
                      PairRun fresh, Pingall pingallDown, Pingall pingallAfter, List<FlowSample> flowSamples) {
        this(failMode, pingallUp, firstPacket, iperfMbits, controllerDown, controllerUp, reconnect, established, fresh,
                pingallDown, pingallAfter, flowSamples, failMode.ovsName(), null);
    }

    /** {@code standalone} or {@code secure}, as OVS and the report name it. */
    @JsonProperty("mode")
    public String mode() {
        return failMode.ovsName();
    }

    /**
     * A cluster losing its master (killed at {@code controllerDown}).
     *
     * @param members          controllers in the cluster
     * @param killed           the member that was master and was killed
     * @param takeoverSeconds  from the kill until a surviving member was MASTER of every switch (null: never)
     * @param newMaster        that member (null: none)
     * @param generationBefore the generation id the killed master held
     * @param generationAfter  the generation id the new master holds (higher: the switches refuse the old one's)
     * @param restartedBecomes the restarted member's roles at the end, e.g. {@code SLAVE of 3}
     */
    public record Failover(int members, int killed, Double takeoverSeconds, Integer newMaster, long generationBefore,
                           long generationAfter, String restartedBecomes) {
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
