package dev.flowlab.controller.openflow;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import java.util.List;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFMessage;
import org.projectfloodlight.openflow.protocol.OFMessageReader;

/**
 * Cuts the byte stream into OpenFlow messages by the 16-bit length at offset 2 of the 8-byte
 * header, and decodes each with openflowj. Framing and decoding share one handler so a message
 * costs no extra buffer slice or pipeline hop. The reader sees exactly one message's bytes, so a
 * message lying about its inner lengths cannot read into the next one.
 *
 * <p>Anything malformed (a length below the header size, an unknown version or type, a body that
 * does not parse) raises {@link CorruptedFrameException}; the rest of the stream is discarded
 * and the connection is closed by {@link ConnectionErrors}.
 */
final class OfMessageDecoder extends ByteToMessageDecoder {
    static final int HEADER_LENGTH = 8;
    private static final int TYPE_HELLO = 0;
    private static final OFMessageReader<OFMessage> READER = OFFactories.getGenericReader();

    private boolean corrupted;

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (corrupted) {
            in.skipBytes(in.readableBytes());
            return;
        }
        while (in.readableBytes() >= HEADER_LENGTH) {
            int start = in.readerIndex();
            int length = in.getUnsignedShort(start + 2);
            if (length < HEADER_LENGTH) {
                throw corrupt(in, "bad length " + length + " (an OpenFlow message is at least 8 bytes)");
            }
            if (in.readableBytes() < length) {
                return;
            }
            out.add(decodeOne(in, start, length));
            in.readerIndex(start + length);
        }
    }

    private Object decodeOne(ByteBuf in, int start, int length) {
        int version = in.getUnsignedByte(start);
        int type = in.getUnsignedByte(start + 1);
        if (version < 1 || version > 6) {
            if (type == TYPE_HELLO) {
                return new ForeignHello(version, in.getUnsignedInt(start + 4));
            }
            throw corrupt(in, "unknown OpenFlow version " + version);
        }
        OFMessage message;
        try {
            if (PacketInDecoder.handles(version, type)) {
                OFMessage packetIn = PacketInDecoder.decode(in, start, length);
                if (packetIn != null) {
                    return packetIn;
                }
            }
            if (version == 4 && type == RoleStatus.TYPE_EXPERIMENTER) {   // openflowj cannot read Open vSwitch's role status
                RoleStatus status = RoleStatus.decodeOnf(in, start, length);
                if (status != null) {
                    return status;
                }
            }
            message = READER.readFrom(OxsNumbering.applies(version, type)
                    ? OxsNumbering.forOpenflowj(in, start, length) : in.slice(start, length));
        } catch (Exception e) {  // OFParseError, or an index error from a body shorter than it claims
            throw corrupt(in, "cannot parse type " + type + " version " + version + " length " + length + ": " + e.getMessage());
        }
        if (message == null) {
            throw corrupt(in, "truncated message of type " + type + " length " + length);
        }
        return message;
    }

    private CorruptedFrameException corrupt(ByteBuf in, String why) {
        corrupted = true;
        in.skipBytes(in.readableBytes());
        return new CorruptedFrameException(why);
    }
}
