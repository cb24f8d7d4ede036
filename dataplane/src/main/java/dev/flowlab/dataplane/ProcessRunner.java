package dev.flowlab.dataplane;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The one way flowlab runs external programs (ip, ovs-vsctl, ovs-ofctl, iperf3, a controller under
 * benchmark, a user's command in a host): argv lists, never a shell string; both output streams read
 * while the program runs, so a chatty one never blocks on a full pipe; a deadline after which the
 * program and everything it started is killed; and a {@link CommandFailedException} naming argv,
 * exit code and stderr when it fails.
 *
 * <pre>{@code
 * ExecResult r = ProcessRunner.check(List.of("ip", "-batch", "-"), lines, Duration.ofSeconds(30));
 * int exit = ProcessRunner.stream(List.of("ping", "-c3", "10.0.0.2"), System.out::println, null);
 * }</pre>
 */
public final class ProcessRunner {
    /** The deadline of {@link #run(String...)} and {@link #check(String...)}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /** How long a stopped program gets between SIGTERM and SIGKILL. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(2);

    /** Drains stdout/stderr so a chatty command never blocks on a full pipe. */
    private static final ExecutorService READERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "flowlab-command-output");
        t.setDaemon(true);
        return t;
    });

    private ProcessRunner() {
    }

    /**
     * Runs {@code argv}, writing {@code stdin} (may be null) to it, and waits at most {@code timeout}.
     * A non-zero exit is returned, not thrown.
     *
     * @throws CommandTimeoutException when it did not finish in time (it and its children are killed)
     * @throws DataplaneException      when it cannot be started or the caller is interrupted (it is killed)
     */
    public static ExecResult run(List<String> argv, String stdin, Duration timeout) {
        Process p = start(argv);
        CompletableFuture<String> out = drain(p.getInputStream());
        CompletableFuture<String> err = drain(p.getErrorStream());
        try (OutputStream in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // The command exited without reading all its input; its exit code and stderr tell why.
        }
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                killTree(p);
                // Killing it closes its pipes: the reader of stderr may have failed on that ("Stream closed").
                throw new CommandTimeoutException(argv, timeout, err.exceptionally(e -> "").getNow(""));
            }
            return new ExecResult(p.exitValue(), out.join(), err.join());
        } catch (InterruptedException e) {
            killTree(p);
            Thread.currentThread().interrupt();
            throw new DataplaneException(summary(argv) + " interrupted");
        }
    }

    /** Runs with the {@link #DEFAULT_TIMEOUT} and no input. */
    public static ExecResult run(String... argv) {
        return run(List.of(argv), null, DEFAULT_TIMEOUT);
    }

    /** As {@link #run(List, String, Duration)}, and a non-zero exit throws {@link CommandFailedException}. */
    public static ExecResult check(List<String> argv, String stdin, Duration timeout) {
        ExecResult r = run(argv, stdin, timeout);
        if (!r.ok()) {
            throw new CommandFailedException(argv, r.exitCode(), r.stderr().isBlank() ? r.stdout() : r.stderr());
        }
        return r;
    }

    /** Checks with the {@link #DEFAULT_TIMEOUT} and no input. */
    public static ExecResult check(String... argv) {
        return check(List.of(argv), null, DEFAULT_TIMEOUT);
    }

    /**
     * Runs {@code argv} with stdin from /dev/null and hands each line it prints (stdout and stderr
     * together, in the order written) to {@code lines} as soon as it is printed. Interrupting the
     * calling thread (Ctrl-C in the shell) kills the program and everything it started.
     *
     * @param timeout how long it may run; null for as long as it likes
     * @return its exit code
     * @throws InterruptedException     when the caller was interrupted (the program is gone by then)
     * @throws CommandTimeoutException when it ran past {@code timeout}
     */
    public static int stream(List<String> argv, Consumer<String> lines, Duration timeout) throws InterruptedException {
        Process p = start(new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))), argv);
        CompletableFuture<Void> pump = CompletableFuture.runAsync(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.accept(line);
                }
            } catch (IOException e) {
                // the program ended or was killed: nothing more to read
            }
        }, READERS);
        try {
            boolean ended = timeout == null ? waitForever(p) : p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                killTree(p);
                throw new CommandTimeoutException(argv, timeout, "");
            }
            pump.join();
            return p.exitValue();
        } catch (InterruptedException e) {
            killTree(p);
            throw e;
        }
    }

    /**
     * Starts a long-running program (a controller, an iperf3 server) with its output (stdout and
     * stderr) going to {@code log} and stdin from /dev/null. Stop it with {@link #stop(Process, Duration)}.
     */
    public static Process startLogged(List<String> argv, Path log) {
        return startLogged(argv, log, false);
    }

    /** As {@link #startLogged(List, Path)}; with {@code append} the log keeps what earlier runs wrote (a restart). */
    public static Process startLogged(List<String> argv, Path log, boolean append) {
        ProcessBuilder.Redirect out = append ? ProcessBuilder.Redirect.appendTo(log.toFile()) : ProcessBuilder.Redirect.to(log.toFile());
        return start(new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(out)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))), argv);
    }

    /**
     * As {@link #startLogged(List, Path, boolean)}, with stdin a pipe the caller writes to: the program reads
     * end-of-file once the caller closes it, or the caller's process dies.
     */
    public static Process startLoggedWithInput(List<String> argv, Path log, boolean append) {
        ProcessBuilder.Redirect out = append ? ProcessBuilder.Redirect.appendTo(log.toFile()) : ProcessBuilder.Redirect.to(log.toFile());
        return start(new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(out)
                .redirectInput(ProcessBuilder.Redirect.PIPE), argv);
    }

    /**
     * Stops a program and everything it started: SIGTERM, then SIGKILL after {@code grace}, then reaps
     * it. Idempotent; keeps the caller's interrupt status.
     */
    public static void stop(Process p, Duration grace) {
        List<ProcessHandle> tree = p.descendants().toList();
        tree.forEach(ProcessHandle::destroy);
        p.destroy();
        boolean interrupted = false;
        try {
            if (p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                tree.forEach(ProcessHandle::destroyForcibly);   // children that ignored SIGTERM
                return;
            }
        } catch (InterruptedException e) {
            interrupted = true;
        }
        killTree(p);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    static Process start(List<String> argv) {
        return start(new ProcessBuilder(argv), argv);
    }

    /** argv shortened for messages: a transaction for 1,000 hosts does not fit in one line. */
    static String summary(List<String> argv) {
        String all = String.join(" ", argv);
        return all.length() > 120 ? all.substring(0, 120) + " ..." : all;
    }

    private static Process start(ProcessBuilder builder, List<String> argv) {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("no command given");
        }
        try {
            return builder.start();
        } catch (IOException e) {
            throw new DataplaneException(argv.get(0) + " cannot be run (" + e.getMessage()
                    + "): install it (Debian: " + Tools.packageOf(argv.get(0)) + ")");
        }
    }

    /** SIGKILL to the program and, first, to its descendants (which it would orphan by dying), then reaps it. */
    private static void killTree(Process p) {
        p.descendants().toList().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean waitForever(Process p) throws InterruptedException {
        p.waitFor();
        return true;
    }

    private static CompletableFuture<String> drain(InputStream s) {
        return CompletableFuture.supplyAsync(() -> {
            try (s) {
                return new String(s.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, READERS);
    }
}
