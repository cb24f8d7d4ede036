package dev.flowlab.controller.openflow;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import org.projectfloodlight.openflow.protocol.OFMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes OpenFlow messages into one pooled buffer per flush instead of one buffer per message:
 * a read batch that answers a hundred packet-ins becomes a single buffer and a single write
 * system call. Writes that carry a real promise are encoded on their own, after the batch, so
 * the promise means what it says. Already encoded messages (a {@link io.netty.buffer.ByteBuf}) pass
 * through, after the batch.
 *
 * <p>A message that cannot be encoded (larger than OpenFlow's 65,535 bytes) is not written, and is kept
 * as {@link #refusalOf refused}: a switch handle writing on the I/O thread asks right after its write and
 * throws to its caller, which is how an app hears of it.
 */
final class OfMessageEncoder extends ChannelOutboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(OfMessageEncoder.class);
    private static final int BATCH_CAPACITY = 16 * 1024;
    private static final int BATCH_LIMIT = 64 * 1024;

    private ByteBuf batch;
    private OFMessage refused;            // the last message that could not be encoded; I/O thread only
    private RuntimeException refusal;     // and why

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof OFMessage message)) {
            passBatch(ctx);
            ctx.write(msg, promise);
            return;
        }
        if (!promise.isVoid()) {
            passBatch(ctx);
            ByteBuf single = ctx.alloc().ioBuffer();
            if (encode(ctx, message, single)) {
                ctx.write(single, promise);
            } else {
                single.release();
                promise.setFailure(new IllegalArgumentException("cannot encode " + message.getType()));
            }
            return;
        }
        if (batch == null) {
            batch = ctx.alloc().ioBuffer(BATCH_CAPACITY);
        }
        encode(ctx, message, batch);
        if (batch.readableBytes() >= BATCH_LIMIT) {
            passBatch(ctx);
        }
    }

    /** An app's invalid message is dropped (its sender hears why: {@link #refusalOf}); it is no reason to drop the switch. */
    private boolean encode(ChannelHandlerContext ctx, OFMessage message, ByteBuf out) {
        int start = out.writerIndex();
        try {
            message.writeTo(out);
            return true;
        } catch (RuntimeException e) {
            out.writerIndex(start);  // leave no half message in the stream
            refused = message;
            refusal = e;
            LOG.debug("{} dropped a message that cannot be encoded ({}): {}", ConnectionErrors.describe(ctx.channel()), e.toString(), message);
            return false;
        }
    }

    /**
     * Why {@code message}, just written on the I/O thread, was not encoded; null when it was. Forgets it:
     * asked once, right after the write.
     */
    RuntimeException refusalOf(OFMessage message) {
        if (refused != message) {
            return null;
        }
        RuntimeException why = refusal;
        refused = null;
        refusal = null;
        return why;
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        passBatch(ctx);
        ctx.flush();
    }

    private void passBatch(ChannelHandlerContext ctx) {
        if (batch != null) {
            ByteBuf ready = batch;
            batch = null;
            ctx.write(ready, ctx.voidPromise());
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (batch != null) {
            batch.release();
            batch = null;
        }
    }
}
