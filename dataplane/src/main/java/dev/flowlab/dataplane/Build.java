package dev.flowlab.dataplane;

import dev.flowlab.topologies.Host;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The build steps of a network, in order, after the pre-flight checks. The run state is saved before
 * the first step, and each namespace is recorded in the run's {@link OwnershipJournal} as it is made;
 * a failing step rolls back everything made so far. Each step is batched: namespaces from two JVM
 * threads, one {@code ip -batch} for all veths, host set-up from threads inside the namespaces, one
 * ovs-vsctl transaction for all bridges, one OVSDB transaction for all veth ports.
 */
final class Build {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Build.class);
    private static final int HOST_THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());

    private static final ExecutorService OVS_WAITER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "flowlab-ovs-vsctl");
        t.setDaemon(true);
        return t;
    });

    private final Plan plan;
    private final NetworkOptions options;
    private final Datapath datapath;
    private final Consumer<String> afterStep;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean aborted;
    private RunState state;

    Build(Plan plan, NetworkOptions options, Datapath datapath, String runId, Consumer<String> afterStep) {
        this.plan = plan;
        this.options = options;
        this.datapath = datapath;
        this.afterStep = afterStep;
        this.state = new RunState(runId, ProcessHandle.current().pid(), ProcessStart.self(), RunState.newGroup(),
                plan.namespaces(), plan.ownedRootInterfaces(), plan.bridges(), OptionalFeatures.identities(plan.topology()),
                PortQueues.ports(plan.topology()));
    }

    RunState state() {
        return state;
    }

    /** Builds everything; on failure rolls back and throws, naming the step and the rollback's problems. */
    void run() {
        long t0 = System.nanoTime();
        state.save();
        log.debug("run {}: state saved in {} ms", state.runId(), (System.nanoTime() - t0) / 1_000_000);
        String current = "start";
        try {
            current = "namespaces and links";
            step(() -> {
                createNamespacesAndLinks();
                afterStep.accept("namespaces and links");
            });
            current = "hosts and switches";
            step(this::configureHostsWhileOvsAddsBridges);
            if (LinkShaping.anyShaped(plan)) {
                current = "link shaping";
                step(() -> LinkShaping.apply(plan, options.timeout(), options.progress()));
            }
        } catch (RuntimeException e) {
            if (aborted) {
                throw new DataplaneException("build stopped: the JVM is shutting down (everything made was removed)", e);
            }
            CleanupReport rollback = Teardown.run(state, options.timeout());
            String extra = rollback.ok() ? " (rolled back: nothing left)"
                    : " (rollback incomplete: " + String.join("; ", rollback.errors()) + ")";
            throw new DataplaneException("building " + current + " failed: " + e.getMessage() + extra, e);
        }
    }

    /** Stops the build between steps and removes what it made (for the JVM shutdown hook). */
    CleanupReport abort() {
        aborted = true;
        lock.lock();
        try {
            return Teardown.run(state, options.timeout());
        } finally {
            lock.unlock();
        }
    }

    private void step(Runnable work) {
        lock.lock();
        try {
            if (aborted) {
                throw new DataplaneException("aborted");
            }
            work.run();
        } finally {
            lock.unlock();
        }
    }

    /**
     * ovs-vswitchd makes the bridges (its own process) while this JVM brings the switch-side veth ends up
     * and configures the hosts; then the ports go in, once every veth is up on both ends. (Adding them while
     * the hosts came up was slower on a quiet machine: tree,3,10's ports took 5.4 s instead of 2.7 s, hosts
     * 3.2 s instead of 2.3 s, 2 Dec 16:22 UTC, load 2.2.) A failure on either side waits for the other to
     * finish, so the rollback sees everything that was made.
     */
    private void configureHostsWhileOvsAddsBridges() {
        CompletableFuture<Void> bridges = CompletableFuture.runAsync(this::createBridges, OVS_WAITER);
        try {
            switchPortsUp();
            configureHosts();
            afterStep.accept("hosts");
        } catch (RuntimeException e) {
            bridges.handle((ok, error) -> null).join();
            throw e;
        }
        join(bridges);
        addVethPorts();
        afterPorts();
        afterStep.accept("switches");
    }

    private static void join(CompletableFuture<Void> f) {
        try {
            f.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private void createNamespacesAndLinks() {
        long t0 = System.nanoTime();
        BuildProgress progress = options.progress();
        int total = plan.namespaces().size() + plan.veths().size();
        progress.update("namespaces and links", 0, total);
        OwnershipJournal journal = state.journal();
        NamespaceMaker.make(plan.namespaces(), journal, ns -> afterStep.accept("namespace " + ns));
        long t1 = System.nanoTime();
        ProcessRunner.check(List.of(Tools.path("ip"), "-batch", "-"), plan.vethBatch(state.group()), options.timeout());
        long t2 = System.nanoTime();
        OptionalFeatures.build(plan.topology(), options, state.group(), state.runId(), journal);
        log.debug("run {}: {} namespaces took {} ms, {} veths {} ms", state.runId(), plan.namespaces().size(),
                (t1 - t0) / 1_000_000, plan.veths().size(), (t2 - t1) / 1_000_000);
        progress.update("namespaces and links", total, total);
        log.debug("run {}: namespaces and links took {} ms", state.runId(), (System.nanoTime() - t0) / 1_000_000);
    }

    private void configureHosts() {
        long t0 = System.nanoTime();
        List<Host> hosts = plan.topology().hosts();
        boolean txOff = datapath == Datapath.NETDEV;
        AtomicInteger done = new AtomicInteger();
        options.progress().update("hosts", 0, hosts.size());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(HOST_THREADS, Math.max(1, hosts.size())), r -> {
            Thread t = new Thread(r, "flowlab-host-setup");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Host h : hosts) {
                futures.add(pool.submit(() -> {
                    HostSetup.configure(h, plan.interfacesOf(h.name()), txOff);
                    options.progress().update("hosts", done.incrementAndGet(), hosts.size());
                }));
            }
            for (int i = 0; i < futures.size(); i++) {
                try {
                    futures.get(i).get();
                } catch (java.util.concurrent.ExecutionException e) {
                    Throwable cause = e.getCause();
                    throw new DataplaneException("host " + hosts.get(i).name() + ": " + cause.getMessage(), cause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DataplaneException("interrupted while configuring hosts");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        log.debug("run {}: hosts took {} ms", state.runId(), (System.nanoTime() - t0) / 1_000_000);
    }

    private void createBridges() {
        long t0 = System.nanoTime();
        int n = plan.bridges().size();
        options.progress().update("switches", 0, n);
        if (n > 0) {
            Duration t = OvsCommands.timeoutFor(n, options.timeout());
            ProcessRunner.check(OvsCommands.addBridges(plan, options, datapath, state.runId(), t), null, t.plusSeconds(5));
        }
        log.debug("run {}: bridges took {} ms", state.runId(), (System.nanoTime() - t0) / 1_000_000);
    }

    /** The veth ports in one transaction straight to ovsdb-server, waited for until ovs-vswitchd has applied it. */
    private void addVethPorts() {
        long t0 = System.nanoTime();
        if (!plan.bridges().isEmpty() && !plan.rootInterfaces().isEmpty()) {
            Ovsdb.transactAndWait(Ovsdb.addPortOps(plan), portsTimeout());
        }
        log.debug("run {}: ports took {} ms", state.runId(), (System.nanoTime() - t0) / 1_000_000);
    }

    /** Controllers and the rest, if any, through ovs-vsctl, once the hosts and ports are there. */
    private void afterPorts() {
        long t0 = System.nanoTime();
        int n = plan.bridges().size();
        if (n > 0) {
            Duration t = portsTimeout();
            List<String> rest = OvsCommands.afterPorts(plan, options, state.runId(), t);
            if (!rest.isEmpty()) {
                ProcessRunner.check(rest, null, t.plusSeconds(5));
            }
        }
        options.progress().update("switches", n, n);
        log.debug("run {}: controllers and the rest took {} ms", state.runId(), (System.nanoTime() - t0) / 1_000_000);
    }

    private Duration portsTimeout() {
        return OvsCommands.timeoutFor(plan.bridges().size() + plan.rootInterfaces().size(), options.timeout());
    }

    /** Root ends: IPv6 off before they come up, or their start-up chatter floods the bridges. */
    private void switchPortsUp() {
        long t0 = System.nanoTime();
        plan.rootInterfaces().forEach(HostSetup::disableIpv6);
        try (Rtnetlink nl = new Rtnetlink()) {
            plan.rootInterfaces().forEach(i -> nl.setUp(i, true));
        }
        log.debug("run {}: {} switch ports up in {} ms", state.runId(), plan.rootInterfaces().size(), (System.nanoTime() - t0) / 1_000_000);
    }
}
