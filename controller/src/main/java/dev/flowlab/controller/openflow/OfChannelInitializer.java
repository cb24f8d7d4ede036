package dev.flowlab.controller.openflow;

import dev.flowlab.controller.ControllerConfig;
import dev.flowlab.controller.capture.OpenFlowCapture;
import dev.flowlab.controller.core.EventDispatcher;
import dev.flowlab.controller.core.SwitchRegistry;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * The pipeline of one switch connection, in reading order. Every handler is made per channel
 * because each keeps per-connection state.
 */
final class OfChannelInitializer extends ChannelInitializer<SocketChannel> {
    private final ControllerConfig config;
    private final EventDispatcher dispatcher;
    private final SwitchRegistry registry;
    private final ChannelGroup connections;
    private final ConnectionGate gate;
    private final SslContext tls;   // null: plain TCP
    private final OpenFlowCapture capture;

    OfChannelInitializer(ControllerConfig config, EventDispatcher dispatcher, SwitchRegistry registry,
                         ChannelGroup connections, OpenFlowCapture capture) {
        this.capture = capture;
        this.config = config;
        this.dispatcher = dispatcher;
        this.registry = registry;
        this.connections = connections;
        this.gate = new ConnectionGate(config.limits());
        this.tls = config.tls() == null ? null : config.tls().serverContext();
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        if (!gate.admit(channel)) {
            channel.close();
            return;
        }
        connections.add(channel);  // so stopListening() and close() reach switches mid-handshake too
        ReadBackpressure.handshakeBudget(channel);
        ChannelPipeline pipeline = channel.pipeline();
        if (tls != null) {
            // Bytes <-> TLS records; the switch's certificate is checked before any OpenFlow is read.
            pipeline.addLast("tls", tls.newHandler(channel.alloc()));
        }
        addMessageHandlers(pipeline, config, capture);
        // HELLO ... barrier; replaces itself with the SwitchConnection ("switch") when done.
        pipeline.addLast("handshake", new Handshake(config, dispatcher, registry, gate));
        // Anything thrown above closes this connection only, with one log line.
        pipeline.addLast("errors", new ConnectionErrors());
    }

    /**
     * The handlers between the clear-text bytes and the handshake (or the switch connection that replaces it).
     * Shared with {@link PacketInRehearsal}, so that a rehearsed packet-in crosses the same code a real one does.
     */
    static void addMessageHandlers(ChannelPipeline pipeline, ControllerConfig config, OpenFlowCapture capture) {
        // The clear-text OpenFlow bytes, to a pcap file while `capture openflow` runs.
        pipeline.addLast("capture", capture.newHandler());
        // A peer that does not read our answers is not read either, from the first byte on.
        pipeline.addLast("backpressure", new ReadBackpressure());
        // Bytes <-> OpenFlow messages.
        pipeline.addLast("decoder", new OfMessageDecoder());
        pipeline.addLast("encoder", new OfMessageEncoder());
        // Silence from the switch -> echo request -> no answer -> close.
        pipeline.addLast("idle", new IdleStateHandler(config.echoInterval().toNanos(), 0, 0, TimeUnit.NANOSECONDS));
        pipeline.addLast("keepalive", new KeepAlive(config.echoTimeout()));
    }
}
