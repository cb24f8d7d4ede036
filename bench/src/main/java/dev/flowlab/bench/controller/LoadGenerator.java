package dev.flowlab.bench.controller;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.DefaultSelectStrategyFactory;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SelectStrategy;
import io.netty.channel.SelectStrategyFactory;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.nio.channels.spi.SelectorProvider;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Runs one benchmark against a controller: connects the emulated switches, waits until the controller
 * has finished its handshake with every one, starts the packet-ins and samples the responses at each
 * loop boundary. Owns its event loop threads and closes every connection when it returns.
 */
final class LoadGenerator {
    /** The handshake counts as over once the controller has sent nothing but responses for this long. */
    private static final long SETTLE_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    /** ...or, for a controller that never goes quiet, this long after the last switch got its features request. */
    private static final long MAX_SETTLE_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final int CONNECT_TIMEOUT_MS = 3_000;
    /** A controller that has not seen every host after this long is measured anyway (and the report says so). */
    private static final long MAX_LEARNING_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final LoadSettings settings;

    LoadGenerator(LoadSettings settings) {
        this.settings = settings;
    }

    /**
     * Runs all loops against {@code controller}; {@code listener} sees the progress.
     * {@code controllerCpu} reads the controller's CPU time in nanoseconds, or is null when unknown.
     */
    LoadResult run(InetSocketAddress controller, LoadListener listener, LongSupplier controllerCpu) {
        List<EmulatedSwitch> switches = new ArrayList<>();
        for (int i = 0; i < settings.switches(); i++) {
            switches.add(new EmulatedSwitch(i, i + 1L, settings));
        }
        EventLoopGroup group = newEventLoopGroup();
        try {
            connect(group, controller, switches);
            awaitHandshakes(switches);
            switches.forEach(EmulatedSwitch::start);
            awaitLearning(switches, listener);
            switches.forEach(EmulatedSwitch::measure);
            CpuUse cpu = new CpuUse(controllerCpu);
            List<LoopSample> loops = sample(switches, listener, cpu);
            int handshakes = (int) switches.stream().filter(EmulatedSwitch::handshakeDone).count();
            return new LoadResult(settings, handshakes, loops, cpu.generatorCores(), cpu.controllerCores());
        } finally {
            switches.forEach(EmulatedSwitch::close);
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            switches.forEach(EmulatedSwitch::free);
        }
    }

    /**
     * In throughput mode each event-loop iteration starts with a short pause, so that the next one
     * finds many answers waiting on many connections: waking up costs far more than reading (in a
     * VM most of all), and fewer, bigger reads and writes leave the CPU to the controller. The
     * window keeps the controller busy meanwhile. Latency mode reacts at once.
     */
    private EventLoopGroup newEventLoopGroup() {
        long pauseNanos = settings.mode() == Mode.THROUGHPUT ? settings.pause().toNanos() : 0;
        SelectStrategyFactory strategy = pauseNanos == 0 ? DefaultSelectStrategyFactory.INSTANCE
                : () -> (selectNow, hasTasks) -> {
                    LockSupport.parkNanos(pauseNanos);
                    return hasTasks ? selectNow.get() : SelectStrategy.SELECT;
                };
        return new NioEventLoopGroup(settings.threads(), (ThreadFactory) null, SelectorProvider.provider(), strategy);
    }

    private void connect(EventLoopGroup group, InetSocketAddress controller, List<EmulatedSwitch> switches) {
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MS);
        List<ChannelFuture> connects = new ArrayList<>();
        for (EmulatedSwitch sw : switches) {
            connects.add(bootstrap.clone().handler(sw).connect(controller));
        }
        for (ChannelFuture connect : connects) {
            if (!connect.awaitUninterruptibly(CONNECT_TIMEOUT_MS + 1_000L) || !connect.isSuccess()) {
                Throwable cause = connect.cause();
                String why = cause instanceof ConnectException ? "connection refused"
                        : cause == null ? "no answer within " + CONNECT_TIMEOUT_MS + " ms" : cause.getMessage();
                throw new BenchException("cannot connect to the controller at " + hostPort(controller) + " (" + why
                        + "): start one there, or let the bench start one with --spawn");
            }
        }
    }

    private void awaitHandshakes(List<EmulatedSwitch> switches) {
        long start = System.nanoTime();
        long deadline = start + settings.handshakeTimeout().toNanos();
        long allDoneAt = 0;
        while (true) {
            long now = System.nanoTime();
            int done = 0;
            long lastControl = 0;
            for (EmulatedSwitch sw : switches) {
                if (sw.failure() != null) {
                    throw new BenchException(sw.failure() + " during the handshake");
                }
                done += sw.handshakeDone() ? 1 : 0;
                lastControl = Math.max(lastControl, sw.lastControlNanos() - start);
            }
            if (done == switches.size()) {
                allDoneAt = allDoneAt == 0 ? now : allDoneAt;
                if (now - (start + lastControl) >= SETTLE_NANOS || now - allDoneAt >= MAX_SETTLE_NANOS) {
                    return;
                }
            } else if (now >= deadline) {
                throw new BenchException(handshakeTimeoutMessage(switches, done));
            }
            sleepMillis(10);
        }
    }

    private String handshakeTimeoutMessage(List<EmulatedSwitch> switches, int done) {
        String error = switches.stream().map(EmulatedSwitch::firstError).filter(e -> e != null).findFirst()
                .map(e -> "; " + e).orElse("");
        return (switches.size() - done) + " of " + switches.size() + " switches did not finish the OpenFlow 1.3 handshake within "
                + seconds(settings.handshakeTimeout()) + " (no HELLO or FEATURES_REQUEST from the controller" + error
                + "): is it an OpenFlow 1.3 controller? a slow one needs a longer --handshake-timeout";
    }

    /**
     * Lets every switch send its first cycle of packet-ins (one from each host) and waits until all
     * are answered, so that the loops measure a controller that knows every host, as cbench's
     * learning phase does; the first cycle's answers are mostly floods.
     */
    private void awaitLearning(List<EmulatedSwitch> switches, LoadListener listener) {
        long start = System.nanoTime();
        long deadline = start + MAX_LEARNING_NANOS;
        while (true) {
            boolean complete = true;
            for (EmulatedSwitch sw : switches) {
                if (sw.failure() != null) {
                    throw new BenchException(sw.failure() + " while the controller learned the hosts");
                }
                complete &= sw.counters().resolved() >= settings.macs();
            }
            long now = System.nanoTime();
            if (complete || now >= deadline) {
                listener.learned((now - start) / 1e9, complete);
                return;
            }
            sleepMillis(5);
        }
    }

    private List<LoopSample> sample(List<EmulatedSwitch> switches, LoadListener listener, CpuUse cpu) {
        List<LoopSample> loops = new ArrayList<>();
        EmulatedSwitch.Counters[] previous = snapshot(switches);
        long start = System.nanoTime();
        long previousAt = start;
        if (settings.warmupLoops() == 0) {
            cpu.begin();
        }
        for (int loop = 1; loop <= settings.loops(); loop++) {
            long end = start + loop * settings.loop().toNanos();
            while (System.nanoTime() < end) {
                sleepMillis(Math.max(1, (end - System.nanoTime()) / 1_000_000));
            }
            EmulatedSwitch.Counters[] now = snapshot(switches);
            long at = System.nanoTime();
            for (EmulatedSwitch sw : switches) {
                if (sw.failure() != null) {
                    throw new BenchException(sw.failure() + " during loop " + loop);
                }
            }
            LoopSample sample = difference(loop, (at - previousAt) / 1e9, previous, now);
            loops.add(sample);
            listener.loop(sample);
            previous = now;
            previousAt = at;
            if (loop == settings.warmupLoops()) {
                cpu.begin();
            }
        }
        cpu.end();
        return loops;
    }

    private LoopSample difference(int loop, double seconds, EmulatedSwitch.Counters[] before, EmulatedSwitch.Counters[] after) {
        long flowMods = 0;
        long packetOuts = 0;
        long sent = 0;
        long unanswered = 0;
        int answering = 0;
        for (int i = 0; i < after.length; i++) {
            flowMods += after[i].flowMods() - before[i].flowMods();
            packetOuts += after[i].packetOuts() - before[i].packetOuts();
            sent += after[i].packetInsSent() - before[i].packetInsSent();
            unanswered += after[i].unanswered() - before[i].unanswered();
            answering += after[i].responses() > before[i].responses() ? 1 : 0;
        }
        return new LoopSample(loop, loop <= settings.warmupLoops(), seconds, flowMods, packetOuts, sent, unanswered, answering);
    }

    private static EmulatedSwitch.Counters[] snapshot(List<EmulatedSwitch> switches) {
        return switches.stream().map(EmulatedSwitch::counters).toArray(EmulatedSwitch.Counters[]::new);
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted");
        }
    }

    static String hostPort(InetSocketAddress address) {
        return (address.isUnresolved() ? address.getHostString() : address.getAddress().getHostAddress()) + ":" + address.getPort();
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
