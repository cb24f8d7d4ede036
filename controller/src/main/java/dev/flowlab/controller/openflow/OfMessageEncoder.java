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
 * the promise means what it says. A switch handle's messages come already encoded (a {@link ByteBuf}
 * each, so that their sender hears at once of one that cannot be sent): they join the batch as bytes.
 */
final class OfMessageEncoder extends ChannelOutboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(OfMessageEncoder.class);
    private static final int BATCH_CAPACITY = 16 * 1024;
    private static final int BATCH_LIMIT = 64 * 1024;

    private ByteBuf batch;

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf frame && promise.isVoid()) {
            batch(ctx).writeBytes(frame);
            frame.release();
            passIfFull(ctx);
            return;
        }
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
        encode(ctx, message, batch(ctx));
        passIfFull(ctx);
    }

    private ByteBuf batch(ChannelHandlerContext ctx) {
        if (batch == null) {
            batch = ctx.alloc().ioBuffer(BATCH_CAPACITY);
        }
        return batch;
    }

    private void passIfFull(ChannelHandlerContext ctx) {
        if (batch.readableBytes() >= BATCH_LIMIT) {
            passBatch(ctx);
        }
    }

    /** An app's invalid message is dropped with a warning; it is no reason to drop the switch. */
    private static boolean encode(ChannelHandlerContext ctx, OFMessage message, ByteBuf out) {
        int start = out.writerIndex();
        try {
            message.writeTo(out);
            return true;
        } catch (RuntimeException e) {
            out.writerIndex(start);  // leave no half message in the stream
            LOG.warn("{} dropped a message that cannot be encoded ({}): {}", ConnectionErrors.describe(ctx.channel()), e.toString(), message);
            return false;
        }
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
