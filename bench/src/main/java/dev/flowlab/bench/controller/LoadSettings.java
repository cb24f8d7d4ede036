package dev.flowlab.bench.controller;

import java.time.Duration;

/**
 * What one benchmark run does: how many switches with how many hosts, which mode, how many loops.
 *
 * @param switches         emulated switches, one TCP connection each
 * @param macs             host MACs per switch the packet-ins cycle through
 * @param ports            ports per switch the hosts are spread over
 * @param mode             throughput or latency
 * @param loops            measured loops plus warm-up loops
 * @param warmupLoops      the first loops, printed but left out of min/median/max
 * @param loop             length of one loop
 * @param handshakeTimeout how long the controller may take to finish the handshake with all switches
 * @param threads          event-loop threads of the generator
 * @param window           throughput mode: packet-ins in flight per switch (sent, no PACKET_OUT back yet)
 * @param pause            throughput mode: pause of the generator's event loop between two rounds of I/O
 */
public record LoadSettings(int switches, int macs, int ports, Mode mode, int loops, int warmupLoops,
                    Duration loop, Duration handshakeTimeout, int threads, int window, Duration pause) {

    /** Bytes of pre-encoded packet-ins we accept to hold in memory. */
    private static final long MAX_ENCODED_BYTES = 512L << 20;

    public LoadSettings {
        require(switches >= 1 && switches <= 65_535, "--switches must be 1..65535, not " + switches);
        require(macs >= 2 && macs <= 1 << 24, "--macs must be 2..16777216, not " + macs);
        require(ports >= 2 && ports <= 65_000, "--ports must be 2..65000, not " + ports);
        require(loops >= 1, "--loops must be at least 1, not " + loops);
        require(warmupLoops >= 0 && warmupLoops < loops,
                "--warmup must be below --loops (" + loops + ") so at least one loop is measured, not " + warmupLoops);
        require(loop.toMillis() >= 10, "--loop-ms must be at least 10, not " + loop.toMillis());
        require(window >= 1 && window <= 1_000_000, "--window must be 1..1000000, not " + window);
        require(!pause.isNegative() && pause.toMillis() <= 100, "--pause-us must be 0..100000, not " + pause.toNanos() / 1000);
        require(threads >= 1 && threads <= 64, "--threads must be 1..64, not " + threads);
        require((long) switches * macs * 110 <= MAX_ENCODED_BYTES,
                "--switches x --macs = " + (long) switches * macs + " packet-ins to pre-encode is too many: keep it under 4 million");
    }

    LoadSettings withMode(Mode newMode) {
        return new LoadSettings(switches, macs, ports, newMode, loops, warmupLoops, loop, handshakeTimeout, threads, window, pause);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new BenchException(message);
        }
    }
}
