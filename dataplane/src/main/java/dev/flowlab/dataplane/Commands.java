package dev.flowlab.dataplane;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs external commands from argv lists (never a shell string) with a timeout, feeding optional
 * standard input (for {@code ip -batch -}) and collecting both outputs.
 */
final class Commands {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /** Drains stdout/stderr so a chatty command never blocks on a full pipe. */
    private static final ExecutorService READERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "flowlab-command-output");
        t.setDaemon(true);
        return t;
    });

    private Commands() {
    }

    static ExecResult run(List<String> argv, String stdin, Duration timeout) {
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
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor();
                throw new DataplaneException(summary(argv) + " did not finish within " + timeout.toSeconds() + " s");
            }
            return new ExecResult(p.exitValue(), out.join(), err.join());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new DataplaneException(summary(argv) + " interrupted");
        }
    }

    static ExecResult run(String... argv) {
        return run(List.of(argv), null, DEFAULT_TIMEOUT);
    }

    /** Runs and throws {@link CommandFailedException} on a non-zero exit. */
    static ExecResult check(List<String> argv, String stdin, Duration timeout) {
        ExecResult r = run(argv, stdin, timeout);
        if (!r.ok()) {
            throw new CommandFailedException(argv, r.exitCode(), r.stderr().isBlank() ? r.stdout() : r.stderr());
        }
        return r;
    }

    static ExecResult check(String... argv) {
        return check(List.of(argv), null, DEFAULT_TIMEOUT);
    }

    static Process start(List<String> argv) {
        try {
            return new ProcessBuilder(argv).start();
        } catch (IOException e) {
            throw new DataplaneException(argv.get(0) + " cannot be run (" + e.getMessage()
                    + "): install it (Debian: " + Tools.packageOf(argv.get(0)) + ")");
        }
    }

    static String summary(List<String> argv) {
        String all = String.join(" ", argv);
        return all.length() > 120 ? all.substring(0, 120) + " ..." : all;
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
