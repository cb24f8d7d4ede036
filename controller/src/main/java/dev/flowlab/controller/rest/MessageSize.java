package dev.flowlab.controller.rest;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.projectfloodlight.openflow.protocol.OFMessage;

/**
 * Whether a message fits OpenFlow's 16-bit length field. The channel's encoder drops one that does
 * not (with a warning in the log, after the caller was told it was sent); a REST client must hear
 * it instead, before anything is sent.
 */
final class MessageSize {
    /** The largest OpenFlow message: its length is an unsigned 16-bit field. */
    static final int MAX = 0xffff;

    private MessageSize() {
    }

    /**
     * @param what how the client knows the message ({@code the flow})
     * @throws IllegalArgumentException (a 400) saying how large it is and what the limit is
     */
    static void check(OFMessage message, String what) {
        ByteBuf buffer = Unpooled.buffer(1024);
        try {
            message.writeTo(buffer);
            if (buffer.readableBytes() > MAX) {
                throw tooBig(what, buffer.readableBytes() + " bytes");
            }
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {   // openflowj refuses some oversized messages itself, in its own words
            throw tooBig(what, "over " + MAX + " bytes (" + e.getMessage() + ")");
        } finally {
            buffer.release();
        }
    }

    private static IllegalArgumentException tooBig(String what, String size) {
        return new IllegalArgumentException(what + " encodes to " + size + ", more than an OpenFlow message can hold ("
                + MAX + " bytes); use fewer actions or split it into several flows");
    }
}
