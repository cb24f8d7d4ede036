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
    private static final int MIN_FRAME = 60;   // Ethernet minimum without the FCS

    /** The ARP packet at {@code at}, or null when it is truncated or not Ethernet/IPv4. */
    static Arp parse(byte[] b, int at) {
        if (!has(b, at, LENGTH) || u16(b, at) != 1 || u16(b, at + 2) != 0x0800
                || u8(b, at + 4) != 6 || u8(b, at + 5) != 4) {
            return null;
        }
        return new Arp(ArpOpcode.of(u16(b, at + 6)), mac(b, at + 8), IPv4Address.of(u32(b, at + 14)),
                mac(b, at + 18), IPv4Address.of(u32(b, at + 24)));
    }

    /**
     * This packet in an untagged Ethernet frame from {@link #senderMac} to {@code ethDst} (padded to the
     * Ethernet minimum): what the controller sends when it answers or asks on an address's behalf.
     */
    public byte[] frame(MacAddress ethDst) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(MIN_FRAME);
        b.put(ethDst.getBytes()).put(senderMac.getBytes()).putShort((short) 0x0806);
        b.putShort((short) 1).putShort((short) 0x0800).put((byte) 6).put((byte) 4).putShort((short) opcode.getOpcode());
        b.put(senderMac.getBytes()).putInt(senderIp.getInt()).put(targetMac.getBytes()).putInt(targetIp.getInt());
        return b.array();
    }
}
