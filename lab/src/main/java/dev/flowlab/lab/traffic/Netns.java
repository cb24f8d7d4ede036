package dev.flowlab.lab.traffic;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs programs inside a host's network namespace with {@code ip netns exec}: no shell kept per host,
 * argv lists, a deadline, and the whole process tree stopped when the caller gives up.
 */
public final class Netns {
    private Netns() {
    }

    /** How a program ended: its exit code and what it printed (stdout and stderr together). */
    public record Result(int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    /** Runs {@code argv} in {@code namespace} and waits at most {@code timeout} for it. */
    public static Result run(String namespace, Duration timeout, List<String> argv)
            throws IOException, InterruptedException {
        Process p = start(namespace, argv);
        CompletableFuture<String> output = readAll(p.getInputStream());
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                stop(p);
                return new Result(-1, "timed out after " + timeout.toSeconds() + " s: " + String.join(" ", argv));
            }
            return new Result(p.exitValue(), output.join());
        } catch (InterruptedException e) {
            stop(p);
            throw e;
        }
    }

    /** Starts {@code argv} in {@code namespace}, stdin from /dev/null, stderr merged into stdout. */
    public static Process start(String namespace, List<String> argv) throws IOException {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        command.addAll(argv);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    }

    /** Stops a process and everything it started, then reaps it. */
    public static void stop(Process p) throws InterruptedException {
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        if (!p.waitFor(2, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor();
        }
    }

    private static CompletableFuture<String> readAll(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }
}
