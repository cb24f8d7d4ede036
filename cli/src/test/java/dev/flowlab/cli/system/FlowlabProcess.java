package dev.flowlab.cli.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code flowlab} run as a user runs it: its own JVM with stdin and stdout as pipes, so the test sees
 * exactly what is printed, the exit code, and what signals do to it.
 */
final class FlowlabProcess implements AutoCloseable {
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;

    FlowlabProcess(String... args) throws IOException {
        List<String> argv = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "dev.flowlab.cli.Main"));
        argv.addAll(List.of(args));
        process = new ProcessBuilder(argv).redirectErrorStream(true).start();
        reader = new Thread(this::readOutput, "flowlab-output");
        reader.setDaemon(true);
        reader.start();
    }

    Process process() {
        return process;
    }

    /** Types {@code lines} into its stdin, as a user at the flowlab> shell does. */
    void type(String lines) throws IOException {
        process.getOutputStream().write(lines.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    /** Waits until a printed line matches, or fails with everything printed so far. */
    String awaitLine(Predicate<String> match, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        boolean lastLook = false;
        synchronized (lines) {
            while (true) {
                for (String line : lines) {
                    if (match.test(line)) {
                        return line;
                    }
                }
                if (lastLook) {
                    throw new AssertionError("no such line within " + seconds + " s; output:\n" + output());
                }
                // After the process ended (or time ran out), give the reader a moment for the last lines.
                lastLook = !process.isAlive() || System.nanoTime() > deadline;
                lines.wait(200);
            }
        }
    }

    /** Waits for the exit code, and for its last lines to be read; the process is killed if it does not end in time. */
    int awaitExit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("flowlab did not exit within " + seconds + " s; output:\n" + output());
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));   // output() right after an exit must hold everything it printed
        return process.exitValue();
    }

    String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    private void readOutput() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException ignored) {
            // The process is gone.
        }
        synchronized (lines) {
            lines.notifyAll();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
