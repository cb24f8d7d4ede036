package dev.flowlab.controller.openflow;

import dev.flowlab.controller.ControllerConfig;
import dev.flowlab.controller.capture.OpenFlowCapture;
import dev.flowlab.controller.core.EventDispatcher;
import dev.flowlab.controller.core.SwitchRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenFlow listening socket and the I/O threads that serve switch connections (Linux epoll
 * where the native transport loads, NIO elsewhere). Listening can stop and start again while the
 * threads (and the apps) keep running.
 */
public final class OfServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OfServer.class);
    private final EventLoopGroup acceptor;
    private final EventLoopGroup io;
    private final ChannelGroup connections = new DefaultChannelGroup("switches", GlobalEventExecutor.INSTANCE);
    private final ServerBootstrap bootstrap;
    private Channel listening;

    public OfServer(ControllerConfig config, EventDispatcher dispatcher, SwitchRegistry registry, OpenFlowCapture capture) {
        int threads = config.ioThreads() > 0 ? config.ioThreads() : Runtime.getRuntime().availableProcessors();
        boolean epoll = Epoll.isAvailable();
        acceptor = group(epoll, 1, "flowlab-accept");
        io = group(epoll, threads, "flowlab-io");
        LOG.debug("{} I/O threads on {}", threads, epoll ? "epoll" : "NIO (" + Epoll.unavailabilityCause() + ")");
        bootstrap = new ServerBootstrap()
                .group(acceptor, io)
                .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)  // we batch writes ourselves: one flush per read batch
                .childHandler(new OfChannelInitializer(config, dispatcher, registry, connections, capture));
    }

    private static EventLoopGroup group(boolean epoll, int threads, String name) {
        DefaultThreadFactory factory = new DefaultThreadFactory(name, true);
        return epoll ? new EpollEventLoopGroup(threads, factory) : new NioEventLoopGroup(threads, factory);
    }

    /** Opens the listening socket; returns the bound address (with the real port when 0 was asked). */
    public synchronized InetSocketAddress listen(InetSocketAddress address) {
        if (listening != null) {
            return (InetSocketAddress) listening.localAddress();
        }
        listening = bootstrap.bind(address).syncUninterruptibly().channel();
        return (InetSocketAddress) listening.localAddress();
    }

    /**
     * Closes the listening socket and every switch connection, and returns once every app has
     * seen those switches go down.
     */
    public synchronized void stopListening() {
        if (listening != null) {
            listening.close().syncUninterruptibly();
            listening = null;
        }
        List<Channel> open = List.copyOf(connections);
        connections.close().awaitUninterruptibly();
        // channelInactive (switch down) runs in a task the close queues on the channel's loop, which may
        // come after the close future completes: wait until that task has also unregistered the channel.
        for (Channel channel : open) {
            while (channel.isRegistered() && !channel.eventLoop().isShuttingDown()) {
                channel.eventLoop().submit(() -> { }).awaitUninterruptibly();
            }
        }
    }

    public synchronized boolean isListening() {
        return listening != null;
    }

    @Override
    public void close() {
        stopListening();
        acceptor.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        io.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
