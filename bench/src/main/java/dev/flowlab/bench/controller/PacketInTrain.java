package dev.flowlab.bench.controller;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFPacketInReason;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.protocol.match.MatchField;
import org.projectfloodlight.openflow.types.OFBufferId;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.TableId;
import org.projectfloodlight.openflow.types.U64;

/**
 * The packet-ins one emulated switch sends, encoded once before the run into one direct buffer so
 * that sending is only slicing it (no encoding, no allocation of bytes on the hot path).
 *
 * <p>Packet {@code k} of the cycle carries a frame from host {@code k} to host {@code k+1} (mod
 * {@code macs}), arriving on host {@code k}'s port. Every host always appears on the same port and
 * two neighbouring hosts never share a port, so a learning switch learns every source and, from the
 * second cycle on, knows every destination: each packet-in then earns a flow-mod and a packet-out.
 */
final class PacketInTrain {
    private final ByteBuf packets;
    private final int packetLength;
    private final int count;
    private int next;

    PacketInTrain(int switchIndex, int macs, int ports) {
        if (macs < 2 || ports < 2) {
            throw new IllegalArgumentException("a packet-in train needs at least 2 MACs and 2 ports");
        }
        OFFactory factory = OFFactories.getFactory(OFVersion.OF_13);
        ByteBuf encoded = Unpooled.directBuffer();
        int length = -1;
        for (int host = 0; host < macs; host++) {
            int start = encoded.writerIndex();
            byte[] frame = HostFrames.udpFrame(switchIndex, macs, host, (host + 1) % macs);
            factory.buildPacketIn()
                    .setXid(host + 1)
                    .setBufferId(OFBufferId.NO_BUFFER)
                    .setTotalLen(frame.length)
                    .setReason(OFPacketInReason.NO_MATCH)
                    .setTableId(TableId.ZERO)
                    .setCookie(U64.ZERO)
                    .setMatch(factory.buildMatch().setExact(MatchField.IN_PORT, portOf(host, ports)).build())
                    .setData(frame)
                    .build()
                    .writeTo(encoded);
            length = encoded.writerIndex() - start;
        }
        // Never freed by a write completing: slices of it are written over and over.
        this.packets = Unpooled.unreleasableBuffer(encoded);
        this.packetLength = length;
        this.count = macs;
    }

    /** The switch port host {@code host} is attached to: 1..ports, neighbours on different ports. */
    static OFPort portOf(int host, int ports) {
        return OFPort.of(host % ports + 1);
    }

    /**
     * The next up to {@code max} consecutive packet-ins as one slice (shorter at the end of the cycle,
     * so that it stays one contiguous region). Event-loop thread only.
     */
    ByteBuf next(int max) {
        int n = Math.min(max, count - next);
        ByteBuf slice = packets.slice(next * packetLength, n * packetLength);
        next += n;
        if (next == count) {
            next = 0;
        }
        return slice;
    }

    /** How many packet-ins a slice returned by {@link #next} holds. */
    int packetsIn(ByteBuf slice) {
        return slice.readableBytes() / packetLength;
    }

    /** Frees the encoded packets; call once no write of them is pending any more. */
    void free() {
        packets.unwrap().release();
    }
}
