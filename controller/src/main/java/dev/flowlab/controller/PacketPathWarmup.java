package dev.flowlab.controller;

import dev.flowlab.controller.api.ConfigStore;
import dev.flowlab.controller.core.AppLoader;
import dev.flowlab.controller.core.ContextForApp;
import dev.flowlab.controller.core.EventDispatcher;
import dev.flowlab.controller.core.GroupsAndMeters;
import dev.flowlab.controller.core.LoadedApp;
import dev.flowlab.controller.core.SwitchRegistry;
import dev.flowlab.controller.openflow.PacketInRehearsal;
import dev.flowlab.controller.rest.RouteTable;
import dev.flowlab.controller.rest.StaticFlows;
import dev.flowlab.controller.store.MemoryConfigStore;
import dev.flowlab.controller.topology.CoreServices;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warms the packet-in path once per JVM, in the background, right after the first controller's apps
 * have started: a throwaway copy of that controller (core services and the same apps with the same
 * config files, fresh instances, its own registry and scheduler; no socket, no REST) answers a
 * {@link PacketInRehearsal}. The JIT's compiled code is shared by every instance of a class, so the real
 * controller's first packet-ins then run compiled; nothing of the copy's state is visible outside it.
 *
 * <p>Bounded: {@value #PACKET_INS} packet-ins or {@value #MAX_MILLIS} ms, whichever comes first, and it
 * stops when its controller closes. Measured on {@code linear,10} (first ping h1 -> h10, fresh controller
 * and network each run): see the README's first-packet table.
 */
final class PacketPathWarmup {
    private static final Logger LOG = LoggerFactory.getLogger(PacketPathWarmup.class);
    /**
     * Enough for the path to be loaded and C1-compiled; 40,000 (C2 too) did no better on the first ping and
     * kept the CPU busier for longer while switches connect.
     */
    static final long PACKET_INS = 10_000;
    static final long MAX_MILLIS = 2_000;
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private final ControllerConfig config;
    private volatile boolean stopped;
    private Thread thread;

    private PacketPathWarmup(ControllerConfig config) {
        this.config = config;
    }

    /** Starts the warm-up unless this JVM has had one; the returned handle stops it. */
    static PacketPathWarmup startOncePerJvm(ControllerConfig config) {
        PacketPathWarmup warmup = new PacketPathWarmup(config);
        if (STARTED.compareAndSet(false, true)) {
            warmup.thread = new Thread(warmup::run, "flowlab-warmup");
            warmup.thread.setDaemon(true);
            warmup.thread.start();
        }
        return warmup;
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

    private void run() {
        long start = System.nanoTime();
        LOG.info("warming the packet-in path: a throwaway copy of the apps answers a rehearsal switch (no socket;"
                + " its switch up/down and hosts are the copy's, not this controller's)");
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "flowlab-warmup-apps");
            t.setDaemon(true);
            return t;
        });
        List<LoadedApp> started = new ArrayList<>();
        try {
            CoreServices services = new CoreServices(config.hostTableSize(), config.hostAgeing(), scheduler);
            ConfigStore store = new MemoryConfigStore();   // never the controller's own (it may be on disk)
            GroupsAndMeters groupsAndMeters = new GroupsAndMeters();
            List<LoadedApp> apps = new ArrayList<>(services.apps());
            apps.add(new LoadedApp(StaticFlows.ID, new StaticFlows(store)));
            apps.addAll(AppLoader.load(config.apps(), List.of(), services.module()));
            EventDispatcher dispatcher = new EventDispatcher(apps);
            SwitchRegistry registry = new SwitchRegistry(dispatcher);
            RouteTable routes = new RouteTable();
            for (LoadedApp a : dispatcher.apps()) {
                a.app().start(new ContextForApp(a.id(), registry, scheduler, routes.forApp(a.id()),
                        config.appConfigs().get(a.id()), store, groupsAndMeters));
                started.add(a);
            }
            PacketInRehearsal rehearsal = new PacketInRehearsal(config, dispatcher, registry);
            long deadline = start + MAX_MILLIS * 1_000_000;
            long delivered;
            try {
                delivered = rehearsal.run(PACKET_INS, () -> stopped || System.nanoTime() > deadline);
            } finally {
                rehearsal.close();
            }
            LOG.debug("packet-in path warmed with {} packet-ins in {} ms", delivered, (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("packet-in warm-up gave up (the controller works the same, its first packets run slower): {}", e.toString());
        } finally {
            for (int i = started.size() - 1; i >= 0; i--) {
                try {
                    started.get(i).app().stop();
                } catch (RuntimeException e) {
                    LOG.debug("warm-up copy of app {} threw in stop: {}", started.get(i).id(), e.toString());
                }
            }
            scheduler.shutdownNow();
        }
    }
}
