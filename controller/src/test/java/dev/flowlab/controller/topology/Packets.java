package dev.flowlab.controller.topology;

import dev.flowlab.controller.api.PacketIn;
import dev.flowlab.controller.api.Switch;
import java.nio.ByteBuffer;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFPacketInReason;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.protocol.match.MatchField;
import org.projectfloodlight.openflow.types.IPv4Address;
import org.projectfloodlight.openflow.types.MacAddress;
import org.projectfloodlight.openflow.types.OFBufferId;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.TableId;

/** Frames and packet-ins for tests. */
final class Packets {
    private static final OFFactory OF = OFFactories.getFactory(OFVersion.OF_13);

    private Packets() {
    }

    static PacketIn packetIn(Switch sw, int inPort, byte[] frame) {
        return new PacketIn(sw, OF.buildPacketIn()
                .setBufferId(OFBufferId.NO_BUFFER)
                .setTotalLen(frame.length)
                .setReason(OFPacketInReason.NO_MATCH)
                .setTableId(TableId.ZERO)
                .setMatch(OF.buildMatch().setExact(MatchField.IN_PORT, OFPort.of(inPort)).build())
                .setData(frame)
                .build());
    }

    /** An ARP request from {@code mac}/{@code ip} for {@code target}. */
    static byte[] arpRequest(MacAddress mac, IPv4Address ip, IPv4Address target) {
        ByteBuffer b = ByteBuffer.allocate(60);
        b.put(MacAddress.BROADCAST.getBytes()).put(mac.getBytes()).putShort((short) 0x0806);
        b.putShort((short) 1).putShort((short) 0x0800).put((byte) 6).put((byte) 4).putShort((short) 1);
        b.put(mac.getBytes()).putInt(ip.getInt()).put(new byte[6]).putInt(target.getInt());
        return b.array();
    }

    /** A minimal IPv4 frame (ICMP echo header only) from {@code src} to {@code dst}. */
    static byte[] ipv4(MacAddress srcMac, IPv4Address src, MacAddress dstMac, IPv4Address dst) {
        ByteBuffer b = ByteBuffer.allocate(60);
        b.put(dstMac.getBytes()).put(srcMac.getBytes()).putShort((short) 0x0800);
        b.put((byte) 0x45).put((byte) 0).putShort((short) 28).putInt(0).put((byte) 64).put((byte) 1).putShort((short) 0);
        b.putInt(src.getInt()).putInt(dst.getInt());
        b.put((byte) 8).put((byte) 0).putShort((short) 0).putInt(0);
        return b.array();
    }
}
