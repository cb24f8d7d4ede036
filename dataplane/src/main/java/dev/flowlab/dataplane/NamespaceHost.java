package dev.flowlab.dataplane;

import dev.flowlab.topologies.Host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A host of a running {@link Network}: a network namespace named after it, so
 * {@code ip netns exec h1 ...} reaches it from a shell too. Commands run through {@code ip netns exec}
 * with argv lists (no shell), statelessly; with a topology that gives hosts an identity they also
 * enter the host's UTS namespace, so {@code hostname} in h1 prints {@code h1}.
 */
public final class NamespaceHost {
    private final Host host;
    private final List<String> interfaces;
    private final Path workDir;
    private final Duration timeout;
    private final Path utsNamespace;
    private final List<HostProcess> processes = new CopyOnWriteArrayList<>();
    private final AtomicInteger started = new AtomicInteger();

    NamespaceHost(Host host, List<String> interfaces, Path workDir, Duration timeout, Path utsNamespace) {
        this.utsNamespace = utsNamespace;
        this.host = host;
        this.interfaces = List.copyOf(interfaces);
        this.workDir = workDir;
        this.timeout = timeout;
    }

    /** Its name, which is also its namespace's name. */
    public String name() {
        return host.name();
    }

    /** Its IPv4 address without prefix length, e.g. {@code 10.0.0.1}. */
    public String ip() {
        return host.address();
    }

    /** Its address with prefix length, e.g. {@code 10.0.0.1/8}. */
    public String ipWithPrefix() {
        return host.ip();
    }

    /** MAC of its first interface, or null when the kernel chose one. */
    public String mac() {
        return host.mac();
    }

    /** Its interfaces in port order, e.g. {@code [h1-eth0]}. */
    public List<String> interfaces() {
        return interfaces;
    }

    /** Runs a command in the host and waits for it (up to the network's command timeout). */
    public ExecResult exec(String... argv) {
        return exec(timeout, argv);
    }

    /** Runs a command in the host and waits at most {@code timeout}; a longer run is killed and is an error. */
    public ExecResult exec(Duration timeout, String... argv) {
        return ProcessRunner.run(inNamespace(argv), null, timeout);
    }

    /**
     * Runs a command in the host for as long as it likes, as a user at the host's terminal would: each
     * line it prints (stdout and stderr) goes to {@code lines} as soon as it is printed. Interrupting the
     * calling thread (Ctrl-C in the shell) stops it and everything it started.
     *
     * @return its exit code
     * @throws InterruptedException when the caller was interrupted (the command is gone by then)
     */
    public int stream(Consumer<String> lines, String... argv) throws InterruptedException {
        return ProcessRunner.stream(inNamespace(argv), lines, null);
    }

    /**
     * Starts a long-running command in the host and returns at once. It is stopped and reaped by
     * {@link HostProcess#stop()} or, at the latest, by the network's teardown.
     */
    public HostProcess popen(String... argv) {
        try {
            Files.createDirectories(workDir);
            Path out = workDir.resolve(name() + "-" + started.incrementAndGet() + ".log");
            Process p = ProcessRunner.startLogged(inNamespace(argv), out);
            HostProcess hp = new HostProcess(name(), List.of(argv), p, out);
            processes.add(hp);
            return hp;
        } catch (IOException e) {
            throw new DataplaneException("cannot start " + String.join(" ", argv) + " in " + name() + ": " + e.getMessage(), e);
        }
    }

    /** Stops every process started with {@link #popen}; called by teardown. */
    void stopProcesses() {
        processes.forEach(HostProcess::stop);
        processes.clear();
    }

    private List<String> inNamespace(String... argv) {
        if (argv.length == 0) {
            throw new IllegalArgumentException("no command given");
        }
        List<String> full = new ArrayList<>();
        if (utsNamespace != null) {
            // ip netns exec enters the network namespace only; the host's hostname lives in its UTS namespace.
            full.addAll(List.of(Tools.path("nsenter"), "--uts=" + utsNamespace));
        }
        full.addAll(List.of(Tools.path("ip"), "netns", "exec", name()));
        full.addAll(List.of(argv));
        return full;
    }

    @Override
    public String toString() {
        return name() + " " + ipWithPrefix();
    }
}
