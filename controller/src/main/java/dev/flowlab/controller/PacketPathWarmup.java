package dev.flowlab.controller;

import dev.flowlab.controller.api.ConfigStore;
import dev.flowlab.controller.core.AppLoader;
import dev.flowlab.controller.core.ContextForApp;
import dev.flowlab.controller.core.EventDispatcher;
import dev.flowlab.controller.core.GroupsAndMeters;
import dev.flowlab.controller.core.LoadedApp;
import dev.flowlab.controller.core.SwitchRegistry;
import dev.flowlab.controller.metrics.ControllerMetrics;
import dev.flowlab.controller.openflow.PacketInRehearsal;
import dev.flowlab.controller.rest.RouteTable;
import dev.flowlab.controller.rest.StaticFlows;
import dev.flowlab.controller.store.MemoryConfigStore;
import dev.flowlab.controller.topology.CoreServices;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warms the packet-in path once per JVM, in the background, right after the first controller's apps
 * have started: a throwaway copy of that controller answers a {@link PacketInRehearsal}. The JIT's compiled
 * code is shared by every instance of a class, so the real controller's first packet-ins then run compiled.
 *
 * <p>The copy is the core services (link discovery, host tracker, static flows) and those of the controller's
 * apps that say they are {@link dev.flowlab.controller.api.App#rehearsable() rehearsable}: fresh instances with
 * the same config files, their own registry, scheduler, config store and metrics; no socket, no REST. Nothing
 * of it is visible outside: no app is started twice that did not agree to it, and the copy's registry logs its
 * rehearsal switch at DEBUG only.
 *
 * <p>Bounded: {@value #PACKET_INS} packet-ins, {@value #MAX_CPU_MILLIS} ms of its thread's CPU time or
 * {@value #MAX_MILLIS} ms of rehearsal, whichever comes first, and it stops when its controller closes. The
 * CPU bound makes it the same warm-up on a busy machine (where a 2 s wall-clock bound cut it to one pass of 256
 * packet-ins at load 13) as on a quiet one. Measured on {@code linear,10} (first ping h1 -> h10, fresh controller
 * and network each run): see the README's first-packet table.
 */
final class PacketPathWarmup {
    private static final Logger LOG = LoggerFactory.getLogger(PacketPathWarmup.class);
    /**
     * Enough for the path to be loaded and C1-compiled; 40,000 (C2 too) did no better on the first ping and
     * kept the CPU busier for longer while switches connect.
     */
    static final long PACKET_INS = 10_000;
    /** CPU time of the rehearsal proper, after the copy is built (about 1.3 s for the packet-ins on a quiet machine). */
    static final long MAX_CPU_MILLIS = 2_000;
    /** Wall-clock time of the rehearsal proper, however busy the machine. */
    static final long MAX_MILLIS = 10_000;
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private final ControllerConfig config;
    /** The controller's apps (by id, in its order) that may be copied: {@link dev.flowlab.controller.api.App#rehearsable()}. */
    private final List<String> appIds;
    private volatile boolean stopped;
    private Thread thread;
    /** Counted down when the warm-up is over (at once for a controller whose JVM had one already). */
    private final CountDownLatch done = new CountDownLatch(1);

    private PacketPathWarmup(ControllerConfig config, List<String> appIds) {
        this.config = config;
        this.appIds = List.copyOf(appIds);
    }

    /**
     * Starts the warm-up unless this JVM has had one; the returned handle stops it.
     *
     * @param apps the controller's started apps: the rehearsable ones among those named in its config are copied
     */
    static PacketPathWarmup startOncePerJvm(ControllerConfig config, List<LoadedApp> apps) {
        PacketPathWarmup warmup = new PacketPathWarmup(config, rehearsable(config, apps));
        if (STARTED.compareAndSet(false, true)) {
            warmup.thread = new Thread(warmup::run, "flowlab-warmup");
            warmup.thread.setDaemon(true);
            warmup.thread.start();
        } else {
            warmup.done.countDown();
        }
        return warmup;
    }

    /** The warm-up on the calling thread, whether or not this JVM has had one (for tests); returns {@link #run()}'s count. */
    static long runHere(ControllerConfig config, List<LoadedApp> apps) {
        return new PacketPathWarmup(config, rehearsable(config, apps)).run();
    }

    private static List<String> rehearsable(ControllerConfig config, List<LoadedApp> apps) {
        return apps.stream().filter(a -> config.apps().contains(a.id()) && a.app().rehearsable()).map(LoadedApp::id).toList();
    }

    /** Whether the warm-up is over (or there was none to do). */
    boolean isDone() {
        return done.getCount() == 0;
    }

    /** Lets the next controller in this JVM warm up again: for tests of the warm-up as a controller runs it. */
    static void allowAnotherForTests() {
        STARTED.set(false);
    }

    /**
     * Waits until the warm-up is over (it bounds itself: {@value #MAX_MILLIS} ms of rehearsal after building its copy),
     * or {@code max} passed.
     */
    void awaitDone(Duration max) {
        try {
            if (!done.await(max.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.debug("packet-in warm-up still running after {} ms; not waiting for it any longer", max.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops it (if running) and waits for its throwaway apps to stop. */
    void stop() {
        stopped = true;
        if (thread != null && thread != Thread.currentThread()) {
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** @return packet-ins rehearsed, or -1 when the copy could not be built (the controller works the same) */
    private long run() {
        long start = System.nanoTime();
        LOG.debug("warming the packet-in path: a throwaway copy of the core services and of {} answers a rehearsal switch",
                appIds.isEmpty() ? "no app (none is rehearsable)" : String.join(",", appIds));
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "flowlab-warmup-apps");
            t.setDaemon(true);
            return t;
        });
        // The copy's scheduled work (link discovery's rounds, apps' timers) would write to the rehearsal switch
        // from that thread while the rehearsal writes from this one, and an in-memory channel is not thread-safe:
        // so its thread is held until the end, when shutdownNow() drops the work unrun.
        scheduler.execute(PacketPathWarmup::holdUntilInterrupted);
        List<LoadedApp> started = new ArrayList<>();
        try {
            CoreServices services = new CoreServices(config.hostTableSize(), config.hostAgeing(), scheduler);
            ConfigStore store = new MemoryConfigStore();   // never the controller's own (it may be on disk)
            GroupsAndMeters groupsAndMeters = new GroupsAndMeters();
            List<LoadedApp> apps = new ArrayList<>(services.apps());
            apps.add(new LoadedApp(StaticFlows.ID, new StaticFlows(store)));
            apps.addAll(AppLoader.instances(appIds, List.of(), services.module()));
            // Timed like the real controller's, into metrics of its own: the real ones count real packet-ins only.
            EventDispatcher dispatcher = new EventDispatcher(apps, new ControllerMetrics()::packetInTimer);
            SwitchRegistry registry = SwitchRegistry.quiet(dispatcher);
            RouteTable routes = new RouteTable();
            for (LoadedApp a : dispatcher.apps()) {
                a.app().start(new ContextForApp(a.id(), registry, scheduler, routes.forApp(a.id()),
                        config.appConfigs().get(a.id()), store, groupsAndMeters));
                started.add(a);
            }
            PacketInRehearsal rehearsal = new PacketInRehearsal(config, dispatcher, registry);
            long rehearsing = System.nanoTime();
            long deadline = rehearsing + MAX_MILLIS * 1_000_000;
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpuBudget = threads.getCurrentThreadCpuTime() + MAX_CPU_MILLIS * 1_000_000;   // -1 if unsupported: never reached then
            long delivered;
            try {
                delivered = rehearsal.run(PACKET_INS, () -> stopped || System.nanoTime() > deadline
                        || threads.getCurrentThreadCpuTime() > cpuBudget);
            } finally {
                rehearsal.close();
            }
            LOG.debug("packet-in path warmed with {} packet-ins in {} ms ({} ms to build the copy)", delivered,
                    (System.nanoTime() - rehearsing) / 1_000_000, (rehearsing - start) / 1_000_000);
            return delivered;
        } catch (Exception | LinkageError e) {   // Exception: Netty throws checked ones undeclared
            LOG.debug("packet-in warm-up gave up (the controller works the same, its first packets run slower): {}", e.toString());
            return -1;
        } finally {
            done.countDown();
            scheduler.shutdownNow();
            for (int i = started.size() - 1; i >= 0; i--) {
                try {
                    started.get(i).app().stop();
                } catch (RuntimeException e) {
                    LOG.debug("warm-up copy of app {} threw in stop: {}", started.get(i).id(), e.toString());
                }
            }
        }
    }

    private static void holdUntilInterrupted() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            // shutdownNow(): the rehearsal is over
        }
    }
}
