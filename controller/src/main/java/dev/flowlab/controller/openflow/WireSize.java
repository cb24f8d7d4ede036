package dev.flowlab.controller.openflow;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.projectfloodlight.openflow.protocol.OFMessage;

/**
 * The length of a message on the wire, for budgets counted in bytes. openflowj objects do not
 * keep the length they were read with, so the message is written again into a scratch buffer:
 * fine for the multipart parts this is used for, too slow for the packet-in path.
 */
final class WireSize {
    private WireSize() {
    }

    static int of(OFMessage message) {
        ByteBuf scratch = Unpooled.buffer(1024);
        try {
            message.writeTo(scratch);
            return scratch.readableBytes();
        } finally {
            scratch.release();
        }
    }
}
