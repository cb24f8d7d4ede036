package dev.flowlab.controller.rest;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One connection's requests: checked by the {@link RequestGuard} on the I/O thread, answered by
 * {@link RouteAnswers} off it, and written back in the order they came (HTTP/1.1 pipelining) as
 * each answer is ready. While answers are outstanding the connection is not read, so a client
 * cannot queue more than one read's worth of requests.
 */
final class RestDispatcher extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final int MAX_OUTSTANDING = 16;

    private final RequestGuard guard;
    private final RouteAnswers answers;
    private CompletableFuture<Void> lastWritten = CompletableFuture.completedFuture(null);
    private int outstanding;

    RestDispatcher(RequestGuard guard, RouteAnswers answers) {
        this.guard = guard;
        this.answers = answers;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        RequestDeadline deadline = ctx.pipeline().get(RequestDeadline.class);
        deadline.requestArrived();
        if (++outstanding > MAX_OUTSTANDING) {
            ctx.close();
            return;
        }
        ctx.channel().config().setAutoRead(false);
        boolean keepAlive = HttpUtil.isKeepAlive(request) && request.decoderResult().isSuccess();
        CompletableFuture<Reply> reply = answer(request);
        lastWritten = lastWritten.thenCompose(v -> reply).thenAcceptAsync(r -> write(ctx, r, keepAlive, deadline),
                ctx.executor());
    }

    private CompletableFuture<Reply> answer(FullHttpRequest request) {
        if (request.decoderResult().isFailure()) {
            return CompletableFuture.completedFuture(Reply.error(400, "not a valid HTTP request: "
                    + request.decoderResult().cause().getMessage()));
        }
        HttpHeaders headers = request.headers();
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        String method = request.method().name();
        String path = uri.rawPath();
        boolean hasBody = request.content().isReadable();
        Optional<Reply> refused = guard.refuse(method, path, headers.get(HttpHeaderNames.HOST),
                headers.get(HttpHeaderNames.ORIGIN), headers.get(HttpHeaderNames.AUTHORIZATION),
                headers.get(HttpHeaderNames.CONTENT_TYPE), hasBody);
        if (refused.isPresent()) {
            return CompletableFuture.completedFuture(refused.get());
        }
        byte[] body = new byte[request.content().readableBytes()];
        request.content().readBytes(body);
        return answers.answer(method, path, uri.rawQuery(), body);
    }

    private void write(ChannelHandlerContext ctx, Reply reply, boolean keepAlive, RequestDeadline deadline) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(reply.status()), Unpooled.wrappedBuffer(reply.body()));
        HttpHeaders headers = response.headers();
        if (reply.contentType() != null) {
            headers.set(HttpHeaderNames.CONTENT_TYPE, reply.contentType());
        }
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, reply.body().length);
        headers.set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
        reply.headers().forEach(headers::set);
        headers.set(HttpHeaderNames.CONNECTION, keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(written -> {
            if (!keepAlive || !written.isSuccess()) {
                ctx.close();
                return;
            }
            deadline.answered();
            if (--outstanding == 0) {
                ctx.channel().config().setAutoRead(true);
            }
        });
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();   // a reset connection or a broken client: nothing to answer
    }
}
