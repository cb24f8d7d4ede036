package dev.flowlab.bench.controller;

/**
 * What all switches together saw during one loop.
 *
 * @param number            1-based loop number
 * @param warmup            whether this loop is left out of the statistics
 * @param seconds           measured length of the loop
 * @param flowMods          FLOW_MODs received
 * @param packetOuts        PACKET_OUTs received
 * @param packetInsSent     PACKET_INs sent
 * @param unanswered        latency mode: packet-ins given up on after waiting too long for their PACKET_OUT
 * @param switchesAnswering switches that received at least one response in this loop
 */
record LoopSample(int number, boolean warmup, double seconds, long flowMods, long packetOuts,
                  long packetInsSent, long unanswered, int switchesAnswering) {

    long responses() {
        return flowMods + packetOuts;
    }

    /**
     * Packet-ins answered per second. The packet-ins are unbuffered, so every answer carries one PACKET_OUT (entries
     * alone do not forward the packet that asked), with however many FLOW_MODs the app installs: none (a hub), one
     * (ovs-testcontroller), two (flowlab's learning switch installs the way back too). Counting PACKET_OUTs compares
     * them fairly; FLOW_MODs + PACKET_OUTs would reward an app for sending more.
     */
    double answeredPerSecond() {
        return packetOuts / seconds;
    }

    double flowModsPerSecond() {
        return flowMods / seconds;
    }

    double packetOutsPerSecond() {
        return packetOuts / seconds;
    }

    double packetInsPerSecond() {
        return packetInsSent / seconds;
    }
}
