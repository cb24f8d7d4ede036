package dev.flowlab.controller.core;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.projectfloodlight.openflow.protocol.OFMessage;

/**
 * Whether a message fits OpenFlow's 16-bit length field, told to whoever made the message, before
 * anything is sent: a switch handle encodes each message as it is sent ({@link #encode}), so an app,
 * a REST client or an app adding a group hears of a message too large at once, in one line, and the
 * connection never carries a cut or half-written message.
 */
public final class MessageSize {
    /** The largest OpenFlow message: its length is an unsigned 16-bit field. */
    public static final int MAX = 0xffff;
    /** openflowj's words: "message length (67208) exceeds maximum (0xFFFF)". */
    private static final Pattern LENGTH = Pattern.compile("length \\((\\d+)\\)");

    private MessageSize() {
    }

    /**
     * @param what how the client knows the message ({@code the flow})
     * @throws IllegalArgumentException (a 400) saying how large it is and what the limit is
     */
    public static void check(OFMessage message, String what) {
        encode(UnpooledByteBufAllocator.DEFAULT, message, what).release();
    }

    /**
     * The message's bytes on the wire, in a buffer from {@code alloc} that the caller releases (or writes).
     *
     * @param what how the caller knows the message ({@code the flow}, {@code the PACKET_OUT to switch 1})
     * @throws IllegalArgumentException (a 400) when it is larger than an OpenFlow message can be, saying how
     *                                  large and what the limit is, or when openflowj cannot encode it, saying why
     */
    public static ByteBuf encode(ByteBufAllocator alloc, OFMessage message, String what) {
        ByteBuf out = alloc.heapBuffer(256);
        try {
            message.writeTo(out);
        } catch (RuntimeException e) {   // openflowj refuses what its length fields cannot hold
            out.release();
            Matcher length = LENGTH.matcher(String.valueOf(e.getMessage()));
            if (length.find()) {
                throw tooBig(message, what, length.group(1) + " bytes");
            }
            throw new IllegalArgumentException(what + " cannot be encoded: "
                    + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
        if (out.readableBytes() > MAX) {
            int size = out.readableBytes();
            out.release();
            throw tooBig(message, what, size + " bytes");
        }
        return out;
    }

    private static IllegalArgumentException tooBig(OFMessage message, String what, String size) {
        String smaller = switch (message.getType()) {
            case FLOW_MOD -> "use fewer actions or split it into several flows";
            case GROUP_MOD -> "use fewer buckets or actions";
            case METER_MOD -> "use fewer bands";
            case PACKET_OUT -> "send a shorter frame or fewer actions";
            default -> "send less in one message";
        };
        return new IllegalArgumentException(what + " encodes to " + size + ", more than an OpenFlow message can hold ("
                + MAX + " bytes); " + smaller);
    }
}
