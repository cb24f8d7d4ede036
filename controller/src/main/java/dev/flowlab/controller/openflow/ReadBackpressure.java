package dev.flowlab.controller.openflow;

import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.WriteBufferWaterMark;

/**
 * Stops reading a peer that does not read: when what we have written to it passes the channel's
 * high write watermark, the connection is not read again until the peer has drained it below the
 * low one. It sits first in the pipeline and applies from the first byte, so echo requests (or
 * anything else we answer) flooded before or during the handshake cannot make our buffers grow:
 * what is queued for one peer stays within the watermark plus one read's worth of answers.
 *
 * <p>Until the handshake ends the connection is read one buffer per event-loop turn and its
 * watermarks are small ({@link #handshakeBudget}); a switch that finished it gets the normal ones
 * ({@link #switchBudget}).
 */
final class ReadBackpressure extends ChannelInboundHandlerAdapter {
    /** While the peer has not proven it is a switch: little to write, one read at a time. */
    static final WriteBufferWaterMark HANDSHAKE_WATERMARK = new WriteBufferWaterMark(16 * 1024, 64 * 1024);
    /** A switch: room for a burst of flow-mods and packet-outs. */
    static final WriteBufferWaterMark SWITCH_WATERMARK = new WriteBufferWaterMark(256 * 1024, 1024 * 1024);
    private static final int HANDSHAKE_MAX_READ = 64 * 1024;

    static void handshakeBudget(Channel channel) {
        channel.config().setWriteBufferWaterMark(HANDSHAKE_WATERMARK);
        channel.config().setRecvByteBufAllocator(
                new AdaptiveRecvByteBufAllocator(64, 2048, HANDSHAKE_MAX_READ).maxMessagesPerRead(1));
    }

    /** Netty's defaults back, with as many reads per turn as the transport would do (16 on epoll and NIO). */
    static void switchBudget(Channel channel) {
        channel.config().setWriteBufferWaterMark(SWITCH_WATERMARK);
        channel.config().setRecvByteBufAllocator(new AdaptiveRecvByteBufAllocator()
                .maxMessagesPerRead(channel.metadata().defaultMaxMessagesPerRead()));
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.fireChannelReadComplete();   // the handlers after us flush the batch's answers
        if (!ctx.channel().isWritable()) {
            ctx.channel().config().setAutoRead(false);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            ctx.channel().config().setAutoRead(true);
        }
        ctx.fireChannelWritabilityChanged();
    }
}
