package dev.flowlab.controller.core;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.projectfloodlight.openflow.protocol.OFMessage;

/**
 * Whether a message fits OpenFlow's 16-bit length field, told to whoever made the message in one line,
 * before anything of it is sent: REST checks its flows, groups and meters here, and a switch handle
 * refuses such a message to the app that sends it. The connection never carries a cut or half message.
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
        return encode(alloc, message, m -> what);
    }

    /**
     * {@link #encode(ByteBufAllocator, OFMessage, String)}, with {@code what} made only for the error: a switch
     * handle encodes every message another thread sends, and most are fine.
     */
    public static ByteBuf encode(ByteBufAllocator alloc, OFMessage message, Function<? super OFMessage, String> what) {
        ByteBuf out = alloc.ioBuffer(256);
        try {
            message.writeTo(out);
        } catch (RuntimeException e) {   // openflowj refuses what its length fields cannot hold
            out.release();
            throw refusal(message, what.apply(message), e);
        }
        if (out.readableBytes() > MAX) {
            int size = out.readableBytes();
            out.release();
            throw tooBig(message, what.apply(message), size + " bytes");
        }
        return out;
    }

    /**
     * The one-line error for a message openflowj failed to encode with {@code failure}: its size against the
     * limit when that was why, else openflowj's reason.
     */
    public static IllegalArgumentException refusal(OFMessage message, String what, RuntimeException failure) {
        Matcher length = LENGTH.matcher(String.valueOf(failure.getMessage()));
        if (length.find()) {
            return tooBig(message, what, length.group(1) + " bytes");
        }
        return new IllegalArgumentException(what + " cannot be encoded: "
                + (failure.getMessage() == null ? failure.toString() : failure.getMessage()));
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
