package dev.flowlab.controller.capture;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Arrays;

/**
 * Records one switch connection's bytes for the {@link OpenFlowCapture}, on its I/O thread: a copy of
 * each read batch, and of the bytes written between two flushes, as TCP segments with sequence numbers
 * that follow each direction's byte count. Costs one volatile read per event while no capture runs.
 */
final class CaptureHandler extends ChannelDuplexHandler {
    /** Bytes written but not yet flushed beyond which they become a segment anyway. */
    private static final int MAX_PENDING = 1 << 20;

    private final OpenFlowCapture capture;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private PcapWriter current;   // the capture the state below belongs to
    private TcpEnds ends;
    private long switchSeq;
    private long controllerSeq;

    CaptureHandler(OpenFlowCapture capture) {
        this.capture = capture;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf b && b.isReadable() && active(ctx) != null) {
            byte[] bytes = new byte[b.readableBytes()];
            b.getBytes(b.readerIndex(), bytes);
            segments(true, bytes);
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf b && b.isReadable() && active(ctx) != null) {
            byte[] bytes = new byte[b.readableBytes()];
            b.getBytes(b.readerIndex(), bytes);
            pending.writeBytes(bytes);
            if (pending.size() > MAX_PENDING) {
                flushPending();
            }
        }
        ctx.write(msg, promise);
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        if (pending.size() > 0 && active(ctx) != null) {
            flushPending();
        }
        ctx.flush();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        PcapWriter w = capture.writer();
        if (w != null && w == current) {
            long now = micros();
            w.offer(new PcapRecord(now, ends, false, controllerSeq, switchSeq, PcapRecord.FIN | PcapRecord.ACK, new byte[0]));
            w.offer(new PcapRecord(now, ends, true, switchSeq, controllerSeq + 1, PcapRecord.FIN | PcapRecord.ACK, new byte[0]));
            w.offer(new PcapRecord(now, ends, false, controllerSeq + 1, switchSeq + 1, PcapRecord.ACK, new byte[0]));
        }
        ctx.fireChannelInactive();
    }

    /** The running capture, with this connection's TCP handshake written first if it is new to it; or null. */
    private PcapWriter active(ChannelHandlerContext ctx) {
        PcapWriter w = capture.writer();
        if (w == null) {
            current = null;
            pending.reset();
            return null;
        }
        if (w != current) {
            current = w;
            pending.reset();
            ends = TcpEnds.of(ctx.channel().remoteAddress(), ctx.channel().localAddress());
            switchSeq = 1000;
            controllerSeq = 5000;
            long now = micros();
            w.offer(new PcapRecord(now, ends, true, switchSeq - 1, 0, PcapRecord.SYN, new byte[0]));
            w.offer(new PcapRecord(now, ends, false, controllerSeq - 1, switchSeq, PcapRecord.SYN | PcapRecord.ACK, new byte[0]));
            w.offer(new PcapRecord(now, ends, true, switchSeq, controllerSeq, PcapRecord.ACK, new byte[0]));
        }
        return w;
    }

    private void flushPending() {
        byte[] bytes = pending.toByteArray();
        pending.reset();
        segments(false, bytes);
    }

    /** One segment per batch, split only where one IPv4 packet cannot hold it. */
    private void segments(boolean fromSwitch, byte[] bytes) {
        long now = micros();
        for (int from = 0; from < bytes.length; from += TcpFrames.MAX_PAYLOAD) {
            byte[] part = from == 0 && bytes.length <= TcpFrames.MAX_PAYLOAD ? bytes
                    : Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + TcpFrames.MAX_PAYLOAD));
            if (fromSwitch) {
                current.offer(new PcapRecord(now, ends, true, switchSeq, controllerSeq, PcapRecord.PSH | PcapRecord.ACK, part));
                switchSeq += part.length;
            } else {
                current.offer(new PcapRecord(now, ends, false, controllerSeq, switchSeq, PcapRecord.PSH | PcapRecord.ACK, part));
                controllerSeq += part.length;
            }
        }
    }

    private static long micros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }
}
