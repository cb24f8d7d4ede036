package dev.flowlab.apps.fake;

import dev.flowlab.controller.api.Ethernet;
import org.projectfloodlight.openflow.types.OFPort;

/** A frame arriving on a switch port. */
public record Packet(OFPort inPort, byte[] frame) {
    public Ethernet ethernet() {
        return Ethernet.of(frame);
    }
}
