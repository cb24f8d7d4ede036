package dev.flowlab.bench.controller;

import dev.flowlab.dataplane.DataplaneException;
import dev.flowlab.dataplane.ProcessRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A controller started by the bench as its child process, listening on 127.0.0.1. Its output goes to
 * a log file that is deleted after a clean stop and kept (and named in the error) otherwise. It is
 * stopped by its PID (SIGTERM, then SIGKILL after 5 s), also when the bench itself is interrupted.
 */
final class ControllerProcess implements AutoCloseable {
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final SpawnSpec spec;
    private final int port;
    private final Process process;
    private final Path log;
    private final Thread killOnExit;
    private boolean keepLog;

    private ControllerProcess(SpawnSpec spec, int port, Process process, Path log) {
        this.spec = spec;
        this.port = port;
        this.process = process;
        this.log = log;
        this.killOnExit = new Thread(this::stop, "stop " + spec.label());
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** Starts {@code spec} on {@code port} (0: a free port) and returns once it listens there. */
    static ControllerProcess start(SpawnSpec spec, int port, List<String> javaOptions, Duration startTimeout) {
        int listenPort = port == 0 ? freePort() : requireFree(port);
        List<String> command = spec.command(listenPort, javaOptions);
        Path log;
        Process process;
        try {
            log = Files.createTempFile("flowlab-bench-" + spec.kind() + "-", ".log");
            process = ProcessRunner.startLogged(command, log);
        } catch (IOException | DataplaneException e) {
            throw new BenchException("cannot start " + spec.label() + " (" + String.join(" ", command) + "): " + e.getMessage());
        }
        ControllerProcess child = new ControllerProcess(spec, listenPort, process, log);
        try {
            child.awaitListening(startTimeout);
        } catch (RuntimeException e) {
            child.keepLog = true;
            child.close();
            throw e;
        }
        return child;
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    /** CPU time the child has used so far (0 once it is gone). */
    long cpuNanos() {
        return process.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    long pid() {
        return process.pid();
    }

    /** The child has died: its exit code and last log line, for an error message. */
    String deathNotice() {
        keepLog = true;
        return spec.label() + " exited with code " + process.exitValue() + lastLogLine() + " (log: " + log + ")";
    }

    /** Whether the child has exited, waiting up to {@code grace} for a dying one to finish. */
    boolean hasExited(Duration grace) {
        try {
            return process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private void awaitListening(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ListeningPorts.isListening(port)) {
            if (!process.isAlive()) {
                throw new BenchException(deathNotice() + " before listening on 127.0.0.1:" + port);
            }
            if (System.nanoTime() > deadline) {
                keepLog = true;
                throw new BenchException(spec.label() + " did not listen on 127.0.0.1:" + port + " within "
                        + timeout.toSeconds() + " s (log: " + log + "): a slow start needs a longer --spawn-timeout");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BenchException("interrupted while waiting for " + spec.label() + " to start");
            }
        }
    }

    /** Marks the run as failed: the log is kept for the user to read. */
    Path keepLog() {
        keepLog = true;
        return log;
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it stops the child itself
        }
        if (!keepLog) {
            try {
                Files.deleteIfExists(log);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void stop() {
        if (process.isAlive()) {
            ProcessRunner.stop(process, STOP_GRACE);
        }
    }

    private String lastLogLine() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (!lines.get(i).isBlank()) {
                    return ": " + lines.get(i).trim();
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // no last line then
        }
        return "";
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new BenchException("no free TCP port on 127.0.0.1: " + e.getMessage());
        }
    }

    private static int requireFree(int port) {
        if (ListeningPorts.isListening(port)) {
            throw new BenchException(String.format(Locale.ROOT,
                    "port %d on 127.0.0.1 is already in use: pick another --spawn-port, or leave it out for a free one", port));
        }
        return port;
    }
}
