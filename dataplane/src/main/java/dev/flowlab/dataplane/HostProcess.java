package dev.flowlab.dataplane;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A long-running command inside a host (an iperf3 server, tcpdump), started by
 * {@link NamespaceHost#popen}. Its output goes to a file of the run; {@link #stop()} (or the network's
 * teardown) kills it and reaps it.
 */
public final class HostProcess implements AutoCloseable {
    private final String host;
    private final List<String> argv;
    private final Process process;
    private final Path output;

    HostProcess(String host, List<String> argv, Process process, Path output) {
        this.host = host;
        this.argv = List.copyOf(argv);
        this.process = process;
        this.output = output;
    }

    /** The host it runs in. */
    public String host() {
        return host;
    }

    /** The command as given (without the {@code ip netns exec} part). */
    public List<String> argv() {
        return argv;
    }

    /** Pid of the {@code ip netns exec} process, which becomes the command itself. */
    public long pid() {
        return process.pid();
    }

    /** Whether the command is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the command to end by itself; returns its exit code, or empty on timeout. */
    public java.util.OptionalInt waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    ? java.util.OptionalInt.of(process.exitValue()) : java.util.OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.OptionalInt.empty();
        }
    }

    /** Everything it printed so far (stdout and stderr together). */
    public String output() {
        try {
            return Files.exists(output) ? Files.readString(output) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Terminates it (SIGTERM, then SIGKILL after 2 s) and reaps it. Idempotent. */
    public void stop() {
        ProcessRunner.stop(process, ProcessRunner.STOP_GRACE);
    }

    @Override
    public void close() {
        stop();
    }
}
