package dev.flowlab.controller.rest;

import dev.flowlab.controller.RestAccess;
import dev.flowlab.controller.RestConfig;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API's HTTP/1.1 server, on Netty: one I/O thread that never waits (slow clients cost it
 * nothing, and are cut after the read timeout), a few worker threads for the handlers, and answers
 * to requests that wait for a switch written when the switch replies. Every request passes the
 * {@link RequestGuard} (Host, Origin, token, JSON content type) first. The same server can later
 * stream (Server-Sent Events) and serve pages: Netty's HTTP codec does both.
 */
public final class RestServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);
    private static final int WORKERS = 4;
    private static final int QUEUED_REQUESTS = 256;
    private static final int MAX_BODY = 1 << 20;
    private static final int MAX_CONNECTIONS = 1024;
    private static final int MAX_INITIAL_LINE = 4096;
    private static final int MAX_HEADERS = 8192;

    private final EventLoopGroup group;
    private final ThreadPoolExecutor workers;
    private final Channel listener;
    private final RestToken token;
    private final AtomicBoolean closed = new AtomicBoolean();

    private RestServer(EventLoopGroup group, ThreadPoolExecutor workers, Channel listener, RestToken token) {
        this.group = group;
        this.workers = workers;
        this.listener = listener;
        this.token = token;
    }

    /**
     * Listens on the configured address, writes the token file and serves {@code routes}.
     *
     * @throws IllegalStateException when the address cannot be bound or the token not written, naming the fix
     */
    public static RestServer start(RestConfig config, RouteTable routes) {
        EventLoopGroup group = new NioEventLoopGroup(1, daemons("flowlab-rest-io"));
        ThreadPoolExecutor workers = new ThreadPoolExecutor(WORKERS, WORKERS, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUED_REQUESTS), daemons("flowlab-rest"));
        Connections connections = new Connections();
        Admission admission = new Admission();
        ServerBootstrap bootstrap = new ServerBootstrap().group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 128)
                .option(ChannelOption.AUTO_READ, false)   // accept only once the guard knows the bound port
                .childOption(ChannelOption.TCP_NODELAY, true)   // else kept-alive answers wait ~40 ms for delayed ACKs
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (!connections.open(ch)) {
                            return;
                        }
                        ch.pipeline().addLast(new RequestDeadline(config.readTimeout(), config.idleTimeout()),
                                new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADERS, 8192),
                                new HttpObjectAggregator(MAX_BODY),
                                new EventStreams(() -> admission.guard, routes),
                                new RestDispatcher(admission.guard, new RouteAnswers(routes, workers)));
                    }
                });
        Channel listener;
        try {
            listener = bootstrap.bind(config.host(), config.port()).syncUninterruptibly().channel();
        } catch (Exception e) {   // Netty rethrows the checked BindException without declaring it
            shutDown(group, workers);
            throw new IllegalStateException("cannot serve REST on " + config + ": " + e.getMessage()
                    + " (is something else listening there? choose another port with --rest HOST:PORT, or --rest off)", e);
        }
        InetSocketAddress bound = (InetSocketAddress) listener.localAddress();
        RestToken token;
        try {
            token = RestToken.create(config, bound.getPort());
        } catch (RuntimeException e) {
            listener.close().syncUninterruptibly();
            shutDown(group, workers);
            throw e;
        }
        admission.guard = new RequestGuard(bound, config.host(), token);
        listener.config().setAutoRead(true);
        LOG.info("REST API on http://{}:{}/api (token in {})", config.host(), bound.getPort(), token.file());
        return new RestServer(group, workers, listener, token);
    }

    /** The guard, set once the port (which it checks Host against) is bound and before connections are accepted. */
    private static final class Admission {
        volatile RequestGuard guard;
    }

    /** Counts open connections and refuses those beyond {@link #MAX_CONNECTIONS}. */
    private static final class Connections {
        private final AtomicInteger open = new AtomicInteger();

        boolean open(Channel ch) {
            if (open.incrementAndGet() > MAX_CONNECTIONS) {
                open.decrementAndGet();
                LOG.warn("REST: {} connections open already; refused {}", MAX_CONNECTIONS, ch.remoteAddress());
                ch.close();
                return false;
            }
            ch.closeFuture().addListener(f -> open.decrementAndGet());
            return true;
        }
    }

    /** The bound address (with the real port when 0 was asked). */
    public InetSocketAddress address() {
        return (InetSocketAddress) listener.localAddress();
    }

    /** Where the API answers and the token it wants. */
    public RestAccess access() {
        return new RestAccess(address(), token.value(), token.file());
    }

    /** Stops answering, closes every connection and removes the token file; a second call does nothing. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        listener.close().syncUninterruptibly();
        shutDown(group, workers);
        token.close();
    }

    private static void shutDown(EventLoopGroup group, ThreadPoolExecutor workers) {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownNow();
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger number = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
