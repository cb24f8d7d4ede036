package dev.flowlab.controller.openflow;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.projectfloodlight.openflow.protocol.OFEchoReply;
import org.projectfloodlight.openflow.protocol.OFEchoRequest;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Echo keep-alive in both directions, as the {@code IdleStateHandler} docs suggest. When the
 * switch has been silent for the echo interval (reader idle) we send an echo request; if nothing
 * at all arrives within the echo timeout after it, the connection is closed, so a dead switch goes
 * down within interval + timeout. Echo requests from the switch are answered here, at any stage,
 * and never reach the handshake or the apps.
 */
final class KeepAlive extends ChannelDuplexHandler {
    private static final Logger LOG = LoggerFactory.getLogger(KeepAlive.class);

    private final Duration echoTimeout;
    private ScheduledFuture<?> deadline;

    KeepAlive(Duration echoTimeout) {
        this.echoTimeout = echoTimeout;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (deadline != null) {  // any message proves the switch is alive
            deadline.cancel(false);
            deadline = null;
        }
        if (msg instanceof OFEchoRequest request) {
            OFFactory of = OFFactories.getFactory(request.getVersion());
            ctx.write(of.buildEchoReply().setXid(request.getXid()).setData(request.getData()).build(), ctx.voidPromise());
        } else if (!(msg instanceof OFEchoReply)) {
            ctx.fireChannelRead(msg);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (!(evt instanceof IdleStateEvent idle)) {
            ctx.fireUserEventTriggered(evt);
            return;
        }
        if (idle.state() == IdleState.READER_IDLE && deadline == null) {
            OFVersion agreed = ctx.channel().attr(VersionNegotiation.AGREED).get();   // none yet: the HELLO timeout acts
            if (agreed == null) {
                return;
            }
            ctx.writeAndFlush(OFFactories.getFactory(agreed).buildEchoRequest().build(), ctx.voidPromise());
            deadline = ctx.executor().schedule(() -> {
                LOG.warn("{} closing connection: no answer to echo request within {} ms",
                        ConnectionErrors.describe(ctx.channel()), echoTimeout.toMillis());
                ctx.close();
            }, echoTimeout.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
        ctx.fireChannelInactive();
    }
}
