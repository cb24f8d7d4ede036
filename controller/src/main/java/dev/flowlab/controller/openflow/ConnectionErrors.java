package dev.flowlab.controller.openflow;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.AttributeKey;
import java.io.IOException;
import javax.net.ssl.SSLException;
import java.util.List;
import org.projectfloodlight.openflow.types.DatapathId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Last handler of every connection: whatever a peer makes us throw closes that one connection
 * with one log line naming the switch and the cause. Other switches and the process go on.
 */
final class ConnectionErrors extends ChannelInboundHandlerAdapter {
    /** The datapath id, set when the FEATURES_REPLY arrives, so every log line can name the switch. */
    static final AttributeKey<DatapathId> DPID = AttributeKey.valueOf("flowlab.dpid");

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionErrors.class);

    private record Kind(Class<? extends Throwable> type, String label, Level level, boolean stackTrace) {
    }

    /** First match wins. A peer's garbage or a dropped socket is no bug of ours: no stack trace. */
    private static final List<Kind> KINDS = List.of(
            new Kind(CorruptedFrameException.class, "malformed message", Level.WARN, false),
            new Kind(ProtocolViolation.class, "protocol error", Level.WARN, false),
            new Kind(SSLException.class, "TLS error (is its certificate signed by our CA?)", Level.WARN, false),
            new Kind(IOException.class, "connection error", Level.INFO, false),
            new Kind(Throwable.class, "internal error", Level.ERROR, true));

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!ctx.channel().isActive()) {  // already closing: late writes fail, nothing new to say
            LOG.debug("{} after close: {}", describe(ctx.channel()), cause.toString());
            return;
        }
        Throwable root = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        Kind kind = KINDS.stream().filter(k -> k.type().isInstance(root)).findFirst().orElseThrow();
        String line = describe(ctx.channel()) + " closing connection: " + kind.label() + ": " + root.getMessage();
        if (kind.stackTrace()) {
            LOG.atLevel(kind.level()).setCause(root).log(line);
        } else {
            LOG.atLevel(kind.level()).log(line);
        }
        ctx.close();
    }

    /** A TLS handshake that failed closes the connection by itself (often before any exception reaches us): say why. */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof SslHandshakeCompletionEvent done && !done.isSuccess()) {
            LOG.warn("{} closing connection: TLS handshake failed (a switch needs a certificate signed by our CA): {}",
                    describe(ctx.channel()), done.cause().getMessage());
        }
        ctx.fireUserEventTriggered(evt);
    }

    /** {@code dpid=00:00:00:00:00:00:00:01 (127.0.0.1:40122)}, or {@code switch 127.0.0.1:40122} before the handshake told us. */
    static String describe(Channel channel) {
        DatapathId dpid = channel.attr(DPID).get();
        String remote = String.valueOf(channel.remoteAddress()).replaceFirst("^/", "");
        return dpid == null ? "switch " + remote : "dpid=" + dpid + " (" + remote + ")";
    }
}
