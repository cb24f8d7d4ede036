package dev.flowlab.bench.controller;

/** How hard the emulated switches push the controller. */
public enum Mode {
    /** Each switch keeps its connection full of packet-ins, as fast as the controller takes them. */
    THROUGHPUT,
    /** Each switch has one packet-in outstanding: the next leaves when the PACKET_OUT of the last arrives. */
    LATENCY;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
