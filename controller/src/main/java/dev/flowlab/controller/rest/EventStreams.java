package dev.flowlab.controller.rest;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@code GET} of an {@link EventFeed}'s path with a {@code text/event-stream} that stays open:
 * one {@code data:} event per state the feed publishes. The request passes the same guard as every
 * other (a refused one goes on to the dispatcher, which answers the refusal). A client that does not
 * read is skipped, not queued for: each event is a whole state, so the next one makes up for it.
 */
final class EventStreams extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(EventStreams.class);

    private final Supplier<RequestGuard> guard;
    private final RouteTable routes;

    EventStreams(Supplier<RequestGuard> guard, RouteTable routes) {
        this.guard = guard;
        this.routes = routes;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request) || !request.method().name().equals("GET")) {
            ctx.fireChannelRead(msg);
            return;
        }
        String path = new QueryStringDecoder(request.uri()).rawPath();
        Optional<EventFeed> feed = routes.feed(path);
        HttpHeaders h = request.headers();
        if (feed.isEmpty() || guard.get().refuse("GET", path, h.get(HttpHeaderNames.HOST), h.get(HttpHeaderNames.ORIGIN),
                h.get(HttpHeaderNames.AUTHORIZATION), h.get(HttpHeaderNames.CONTENT_TYPE), false).isPresent()) {
            ctx.fireChannelRead(msg);
            return;
        }
        request.release();
        // From now on the connection is this stream's: no read or idle deadline applies to it.
        ctx.pipeline().get(RequestDeadline.class).requestArrived();
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8")
                .set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        HttpUtil.setTransferEncodingChunked(response, true);
        ctx.writeAndFlush(response);
        Channel channel = ctx.channel();
        AutoCloseable subscription = feed.get().subscribe(event -> {
            if (channel.isActive() && channel.isWritable()) {
                channel.writeAndFlush(new DefaultHttpContent(Unpooled.copiedBuffer("data: " + event + "\n\n",
                        StandardCharsets.UTF_8)));
            }
        });
        channel.closeFuture().addListener(f -> {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.debug("closing an event stream: {}", e.toString());
            }
        });
    }
}
