package dev.flowlab.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the few system commands the kit needs (ip, ovs-vsctl, umount). The kit depends on no flowlab
 * module, so it cannot use the dataplane's process runner; this one drains output while the command
 * runs and has a real timeout, like that one.
 */
final class Commands {
    private static final long TIMEOUT_SECONDS = 30;

    private Commands() {
    }

    /** Exit code (-1 when it could not run or timed out) and standard output. */
    record Result(int exitCode, String stdout) {
    }

    static Result run(String... argv) {
        Process p;
        try {
            p = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return new Result(-1, "");
        }
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "");
            }
            return new Result(p.exitValue(), out.join());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Result(-1, "");
        }
    }

    private static String drain(InputStream in) {
        try (in; ByteArrayOutputStream buf = new ByteArrayOutputStream()) {
            in.transferTo(buf);
            return buf.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
