package dev.flowlab.controller.rest;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Cuts connections that hold the server without using it: a request must arrive whole within the
 * read timeout of its first byte (a client that dribbles unfinished headers gets 408 and is
 * closed), and a kept-alive connection with no request in progress is closed after the idle
 * timeout. Sits first in the pipeline, where it sees bytes before the HTTP decoder does; the
 * dispatcher tells it when a whole request has arrived and when its answer has gone out.
 */
final class RequestDeadline extends ChannelDuplexHandler {
    private static final byte[] TIMED_OUT = ("HTTP/1.1 408 Request Timeout\r\nContent-Type: application/json\r\n"
            + "Connection: close\r\nContent-Length: 61\r\n\r\n"
            + "{\"error\":\"the request did not arrive whole in time; closed\"}\n").getBytes(StandardCharsets.US_ASCII);

    private final long readNanos;
    private final long idleNanos;
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> timer;
    private boolean reading;
    private int answering;

    RequestDeadline(Duration read, Duration idle) {
        this.readNanos = read.toNanos();
        this.idleNanos = idle.toNanos();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        arm(idleNanos, false);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!reading && msg instanceof ByteBuf bytes && bytes.isReadable()) {
            reading = true;
            arm(readNanos, true);
        }
        ctx.fireChannelRead(msg);
    }

    /** A whole request was decoded: its time to arrive is over; no idle timer while it is answered. */
    void requestArrived() {
        reading = false;
        answering++;
        cancel();
    }

    /** An answer went out; with none left to give and nothing half-read, the idle timer runs again. */
    void answered() {
        answering--;
        if (answering == 0 && !reading) {
            arm(idleNanos, false);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancel();
        ctx.fireChannelInactive();
    }

    private void arm(long nanos, boolean read) {
        cancel();
        timer = ctx.executor().schedule(() -> expire(read), nanos, TimeUnit.NANOSECONDS);
    }

    private void expire(boolean read) {
        if (read && answering == 0) {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(TIMED_OUT)).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.close();
        }
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
