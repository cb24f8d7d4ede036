package dev.flowlab.apps.fake;

import dev.flowlab.controller.api.Ethernet;
import java.nio.ByteBuffer;
import org.projectfloodlight.openflow.types.IPv4Address;
import org.projectfloodlight.openflow.types.MacAddress;

/** Frames hosts send in tests: ARP and ICMP echo, built byte by byte. */
public final class Frames {
    private Frames() {
    }

    public static byte[] arpRequest(MacAddress mac, IPv4Address ip, IPv4Address target) {
        return arp(MacAddress.BROADCAST, 1, mac, ip, MacAddress.NONE, target);
    }

    public static byte[] arpReply(MacAddress mac, IPv4Address ip, MacAddress toMac, IPv4Address toIp) {
        return arp(toMac, 2, mac, ip, toMac, toIp);
    }

    private static byte[] arp(MacAddress dst, int op, MacAddress senderMac, IPv4Address senderIp, MacAddress targetMac,
                              IPv4Address targetIp) {
        ByteBuffer b = ByteBuffer.allocate(60);
        b.put(dst.getBytes()).put(senderMac.getBytes()).putShort((short) 0x0806);
        b.putShort((short) 1).putShort((short) 0x0800).put((byte) 6).put((byte) 4).putShort((short) op);
        b.put(senderMac.getBytes()).putInt(senderIp.getInt()).put(targetMac.getBytes()).putInt(targetIp.getInt());
        return b.array();
    }

    /** ICMP echo request (type 8) or reply (type 0) with a sequence number. */
    public static byte[] echo(boolean request, MacAddress srcMac, IPv4Address src, MacAddress dstMac, IPv4Address dst,
                              int seq) {
        ByteBuffer b = ByteBuffer.allocate(60);
        b.put(dstMac.getBytes()).put(srcMac.getBytes()).putShort((short) 0x0800);
        b.put((byte) 0x45).put((byte) 0).putShort((short) 28).putInt(0).put((byte) 64).put((byte) 1).putShort((short) 0);
        b.putInt(src.getInt()).putInt(dst.getInt());
        b.put((byte) (request ? 8 : 0)).put((byte) 0).putShort((short) 0).putShort((short) 1).putShort((short) seq);
        return b.array();
    }

    /** The sequence number of an ICMP echo built by {@link #echo}. */
    public static int echoSeq(byte[] frame) {
        return ByteBuffer.wrap(frame).getShort(14 + 20 + 6) & 0xffff;
    }

    public static boolean isEcho(Ethernet eth, int type) {
        return eth.icmp().map(i -> i.type() == type).orElse(false);
    }
}
