package dev.flowlab.controller.api;

import static dev.flowlab.controller.api.FrameBytes.has;
import static dev.flowlab.controller.api.FrameBytes.mac;
import static dev.flowlab.controller.api.FrameBytes.u16;
import static dev.flowlab.controller.api.FrameBytes.u32;
import static dev.flowlab.controller.api.FrameBytes.u8;

import org.projectfloodlight.openflow.types.ArpOpcode;
import org.projectfloodlight.openflow.types.IPv4Address;
import org.projectfloodlight.openflow.types.MacAddress;

/** An ARP packet for IPv4 over Ethernet. */
public record Arp(ArpOpcode opcode, MacAddress senderMac, IPv4Address senderIp,
                  MacAddress targetMac, IPv4Address targetIp) {
    private static final int LENGTH = 28;

    /** The ARP packet at {@code at}, or null when it is truncated or not Ethernet/IPv4. */
    static Arp parse(byte[] b, int at) {
        if (!has(b, at, LENGTH) || u16(b, at) != 1 || u16(b, at + 2) != 0x0800
                || u8(b, at + 4) != 6 || u8(b, at + 5) != 4) {
            return null;
        }
        return new Arp(ArpOpcode.of(u16(b, at + 6)), mac(b, at + 8), IPv4Address.of(u32(b, at + 14)),
                mac(b, at + 18), IPv4Address.of(u32(b, at + 24)));
    }
}
