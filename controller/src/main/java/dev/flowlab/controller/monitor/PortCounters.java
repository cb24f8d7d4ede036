package dev.flowlab.controller.monitor;

/**
 * One port's counters at the last poll, and its rates since the poll before (0 on the first).
 *
 * @param rxBytesPerSecond bytes received per second between the last two polls
 * @param txBytesPerSecond bytes sent per second between the last two polls
 */
public record PortCounters(long port, long rxBytes, long txBytes, long rxPackets, long txPackets,
                           long rxDropped, long txDropped, double rxBytesPerSecond, double txBytesPerSecond) {
}
