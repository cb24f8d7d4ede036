package dev.flowlab.apps.routing;

import dev.flowlab.controller.api.Arp;
import java.nio.ByteBuffer;
import org.projectfloodlight.openflow.types.ArpOpcode;
import org.projectfloodlight.openflow.types.IPv4Address;
import org.projectfloodlight.openflow.types.MacAddress;

/** The ARP reply the controller sends on a known host's behalf, so the request need not be flooded. */
final class ProxyArp {
    private static final int MIN_FRAME = 60;

    private ProxyArp() {
    }

    /** Whether {@code arp} asks for someone else's address (not a gratuitous ARP or an address probe). */
    static boolean isQuestion(Arp arp) {
        return arp.opcode().equals(ArpOpcode.REQUEST) && !arp.senderIp().equals(arp.targetIp())
                && !arp.senderIp().equals(IPv4Address.NONE);
    }

    /** The frame answering {@code request}: {@code targetMac} has the address it asked for. */
    static byte[] reply(Arp request, MacAddress targetMac) {
        ByteBuffer b = ByteBuffer.allocate(MIN_FRAME);
        b.put(request.senderMac().getBytes()).put(targetMac.getBytes()).putShort((short) 0x0806);
        b.putShort((short) 1).putShort((short) 0x0800).put((byte) 6).put((byte) 4).putShort((short) 2);
        b.put(targetMac.getBytes()).putInt(request.targetIp().getInt());
        b.put(request.senderMac().getBytes()).putInt(request.senderIp().getInt());
        return b.array();
    }
}
