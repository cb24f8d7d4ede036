package dev.flowlab.apps.router;

import dev.flowlab.controller.api.Arp;
import java.util.Arrays;
import org.projectfloodlight.openflow.types.ArpOpcode;
import org.projectfloodlight.openflow.types.IPv4Address;
import org.projectfloodlight.openflow.types.MacAddress;

/** The frames the router itself sends: ARP replies and requests, ICMP echo replies (pure). */
final class RouterFrames {
    private static final int MIN_FRAME = 60;   // Ethernet minimum without the FCS
    private static final int ETH = 14;

    private RouterFrames() {
    }

    /** "{@code gateway} is at {@code routerMac}", sent to the host that asked. */
    static byte[] arpReply(MacAddress routerMac, IPv4Address gateway, MacAddress hostMac, IPv4Address hostIp) {
        return new Arp(ArpOpcode.REPLY, routerMac, gateway, hostMac, hostIp).frame(hostMac);
    }

    /** "Who has {@code target}? Tell {@code gateway}", broadcast. */
    static byte[] arpRequest(MacAddress routerMac, IPv4Address gateway, IPv4Address target) {
        return new Arp(ArpOpcode.REQUEST, routerMac, gateway, MacAddress.NONE, target).frame(MacAddress.BROADCAST);
    }

    /**
     * The echo reply to an untagged IPv4 ICMP echo request: addresses swapped (the reply comes from
     * the gateway the request was sent to), TTL 64, type 0, id, sequence and data kept, checksums
     * recomputed. Null when the frame is not such a request.
     */
    static byte[] echoReply(byte[] request, MacAddress routerMac) {
        if (request.length < ETH + 20 + 8 || u16(request, 12) != 0x0800 || (request[ETH] & 0xf0) != 0x40) {
            return null;
        }
        int ihl = (request[ETH] & 0x0f) * 4;
        int total = u16(request, ETH + 2);
        int icmp = ETH + ihl;
        if (ihl < 20 || total < ihl + 8 || ETH + total > request.length || request[ETH + 9] != 1 || request[icmp] != 8) {
            return null;
        }
        byte[] reply = Arrays.copyOf(request, Math.max(ETH + total, MIN_FRAME));
        Arrays.fill(reply, ETH + total, reply.length, (byte) 0);   // drop any padding the request carried
        System.arraycopy(request, 6, reply, 0, 6);                  // to the sender
        System.arraycopy(routerMac.getBytes(), 0, reply, 6, 6);     // from the gateway
        System.arraycopy(request, ETH + 16, reply, ETH + 12, 4);    // source: the address that was pinged
        System.arraycopy(request, ETH + 12, reply, ETH + 16, 4);    // destination: the sender
        reply[ETH + 8] = 64;
        putChecksum(reply, ETH, ihl, ETH + 10);
        reply[icmp] = 0;                                            // echo reply
        putChecksum(reply, icmp, ETH + total - icmp, icmp + 2);
        return reply;
    }

    /** The Internet checksum over {@code length} bytes at {@code from}, written at {@code at}. */
    private static void putChecksum(byte[] b, int from, int length, int at) {
        b[at] = 0;
        b[at + 1] = 0;
        long sum = 0;
        for (int i = 0; i < length; i += 2) {
            sum += (b[from + i] & 0xff) << 8 | (i + 1 < length ? b[from + i + 1] & 0xff : 0);
        }
        while (sum >> 16 != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        int checksum = (int) ~sum & 0xffff;
        b[at] = (byte) (checksum >> 8);
        b[at + 1] = (byte) checksum;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
    }
}
