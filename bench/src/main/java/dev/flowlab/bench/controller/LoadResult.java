package dev.flowlab.bench.controller;

import java.util.Arrays;
import java.util.List;

/**
 * The outcome of one run against one controller in one mode.
 *
 * @param settings   what was run
 * @param handshakes switches that completed the OpenFlow handshake
 * @param loops      every loop, warm-up included
 * @param generatorCores CPU the generator's process used during the measured loops, in cores
 * @param controllerCores CPU the controller's process used then, in cores; NaN when unknown
 */
record LoadResult(LoadSettings settings, int handshakes, List<LoopSample> loops, double generatorCores,
                  double controllerCores) {

    LoadResult {
        loops = List.copyOf(loops);
    }

    /** Packet-ins answered per second in the measured (non warm-up) loops, ascending. */
    double[] measuredRates() {
        return loops.stream().filter(l -> !l.warmup()).mapToDouble(LoopSample::answeredPerSecond).sorted().toArray();
    }

    double min() {
        double[] rates = measuredRates();
        return rates.length == 0 ? 0 : rates[0];
    }

    double max() {
        double[] rates = measuredRates();
        return rates.length == 0 ? 0 : rates[rates.length - 1];
    }

    double median() {
        double[] rates = measuredRates();
        int n = rates.length;
        if (n == 0) {
            return 0;
        }
        return n % 2 == 1 ? rates[n / 2] : (rates[n / 2 - 1] + rates[n / 2]) / 2;
    }

    double mean() {
        return Arrays.stream(measuredRates()).average().orElse(0);
    }

    /** All FLOW_MODs and PACKET_OUTs counted, warm-up included. */
    long totalResponses() {
        return loops.stream().mapToLong(LoopSample::responses).sum();
    }

    long totalUnanswered() {
        return loops.stream().filter(l -> !l.warmup()).mapToLong(LoopSample::unanswered).sum();
    }
}
