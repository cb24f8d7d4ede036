package dev.flowlab.controller.core;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.projectfloodlight.openflow.protocol.OFMessage;

/**
 * Whether a message fits OpenFlow's 16-bit length field. The channel's encoder drops one that does
 * not (with a warning in the log, after the caller was told it was sent); a REST client, or an app
 * adding a group, must hear it instead, before anything is sent.
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
        ByteBuf buffer = Unpooled.buffer(1024);
        try {
            try {
                message.writeTo(buffer);
            } catch (RuntimeException e) {   // openflowj refuses what its length fields cannot hold
                Matcher length = LENGTH.matcher(String.valueOf(e.getMessage()));
                throw tooBig(what, length.find() ? length.group(1) + " bytes" : "over " + MAX + " bytes");
            }
            if (buffer.readableBytes() > MAX) {
                throw tooBig(what, buffer.readableBytes() + " bytes");
            }
        } finally {
            buffer.release();
        }
    }

    private static IllegalArgumentException tooBig(String what, String size) {
        return new IllegalArgumentException(what + " encodes to " + size + ", more than an OpenFlow message can hold ("
                + MAX + " bytes); use fewer actions or split it into several flows");
    }
}
