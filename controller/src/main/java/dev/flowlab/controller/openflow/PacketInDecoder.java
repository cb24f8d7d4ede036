package dev.flowlab.controller.openflow;

import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFOxmList;
import org.projectfloodlight.openflow.protocol.OFPacketIn;
import org.projectfloodlight.openflow.protocol.OFPacketInReason;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.protocol.match.Match;
import org.projectfloodlight.openflow.types.OFBufferId;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.TableId;
import org.projectfloodlight.openflow.types.U64;

/**
 * The fast path for the message that dominates a controller's load: an OpenFlow 1.3, 1.4 or 1.5
 * PACKET_IN (the three share this layout) whose match holds only IN_PORT, as Open vSwitch sends for
 * a table miss. openflowj builds a fresh field
 * map for every match it reads; here the match for each port is made once and shared (matches are
 * immutable). Anything else returns null and goes to openflowj's reader.
 */
final class PacketInDecoder {
    private static final int TYPE_PACKET_IN = 10;
    /** Wire versions 4, 5, 6 (1.3, 1.4, 1.5) at index 0, 1, 2. */
    private static final List<OFFactory> FACTORIES = List.of(OFFactories.getFactory(OFVersion.OF_13),
            OFFactories.getFactory(OFVersion.OF_14), OFFactories.getFactory(OFVersion.OF_15));
    private static final int FIRST_WIRE_VERSION = 4;
    private static final int MATCH_AT = 24;                   // after header, buffer id, total len, reason, table, cookie
    private static final int OXM_IN_PORT = 0x8000_0004;       // class OPENFLOW_BASIC, field IN_PORT, no mask, 4 bytes
    private static final int IN_PORT_MATCH_LENGTH = 4 + 8;    // match header + one OXM
    private static final int DATA_AT = MATCH_AT + 16 + 2;     // match padded to 8 bytes, then 2 bytes of pad
    private static final int CACHED_PORTS = 4096;
    private static final AtomicReferenceArray<Match> IN_PORT_MATCHES = new AtomicReferenceArray<>(CACHED_PORTS * 3);

    private PacketInDecoder() {
    }

    /** Whether {@link #decode} may be tried on a message of this wire version and type. */
    static boolean handles(int wireVersion, int type) {
        return type == TYPE_PACKET_IN && wireVersion >= FIRST_WIRE_VERSION
                && wireVersion < FIRST_WIRE_VERSION + FACTORIES.size();
    }

    /**
     * The packet-in at {@code start} (one whole message of {@code length} bytes, of a version {@link #handles}),
     * or null when it is not the common shape.
     */
    static OFPacketIn decode(ByteBuf in, int start, int length) {
        int versionIndex = in.getUnsignedByte(start) - FIRST_WIRE_VERSION;
        if (length < DATA_AT
                || in.getUnsignedShort(start + MATCH_AT) != 1                       // OXM match
                || in.getUnsignedShort(start + MATCH_AT + 2) != IN_PORT_MATCH_LENGTH
                || in.getInt(start + MATCH_AT + 4) != OXM_IN_PORT) {
            return null;
        }
        OFPacketInReason reason = reason(in.getUnsignedByte(start + 14));
        Match match = inPortMatch(versionIndex, in.getInt(start + MATCH_AT + 8));
        if (reason == null || match == null) {
            return null;
        }
        byte[] data = new byte[length - DATA_AT];
        in.getBytes(start + DATA_AT, data);
        int buffer = in.getInt(start + 8);
        return FACTORIES.get(versionIndex).buildPacketIn()
                .setXid(in.getUnsignedInt(start + 4))
                .setBufferId(buffer == -1 ? OFBufferId.NO_BUFFER : OFBufferId.of(buffer))
                .setTotalLen(in.getUnsignedShort(start + 12))
                .setReason(reason)
                .setTableId(TableId.of(in.getUnsignedByte(start + 15)))
                .setCookie(U64.ofRaw(in.getLong(start + 16)))
                .setMatch(match)
                .setData(data)
                .build();
    }

    private static OFPacketInReason reason(int wire) {
        return switch (wire) {
            case 0 -> OFPacketInReason.NO_MATCH;
            case 1 -> OFPacketInReason.ACTION;
            case 2 -> OFPacketInReason.INVALID_TTL;
            default -> null;
        };
    }

    /** Ports beyond the cache (reserved ports among them) take openflowj's path. */
    private static Match inPortMatch(int versionIndex, int port) {
        if (port <= 0 || port >= CACHED_PORTS) {
            return null;
        }
        int slot = versionIndex * CACHED_PORTS + port;
        Match match = IN_PORT_MATCHES.get(slot);
        if (match == null) {
            OFFactory of = FACTORIES.get(versionIndex);
            match = of.buildMatchV3().setOxmList(OFOxmList.of(of.oxms().inPort(OFPort.of(port)))).build();
            IN_PORT_MATCHES.set(slot, match);
        }
        return match;
    }
}
