package dev.flowlab.bench.controller;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * Runs the benchmark against one controller in each asked mode, starting and stopping it when it is
 * spawned. A failed run is one line on stderr and a "failed" row; the other runs still happen.
 */
final class BenchRunner {
    private static final Duration DEATH_GRACE = Duration.ofSeconds(1);

    private final LoadSettings settings;
    private final BenchReport report;
    private final PrintWriter err;

    BenchRunner(LoadSettings settings, BenchReport report, PrintWriter err) {
        this.settings = settings;
        this.report = report;
        this.err = err;
    }

    /** Benchmarks a controller someone else runs; true if every mode ran. */
    boolean external(InetSocketAddress address, List<Mode> modes) {
        String label = "controller at " + LoadGenerator.hostPort(address);
        boolean ok = true;
        for (Mode mode : modes) {
            report.runStarts(label, mode);
            ok &= runOne(label, address, mode, null);
        }
        return ok;
    }

    /** Starts {@code target}, benchmarks it in each mode, stops it; true if every mode ran. */
    boolean spawned(SpawnSpec target, int port, List<String> javaOptions, Duration startTimeout, List<Mode> modes) {
        ControllerProcess child;
        try {
            child = ControllerProcess.start(target, port, javaOptions, startTimeout);
        } catch (BenchException e) {
            err.println("flowlab: " + e.getMessage());
            err.flush();
            modes.forEach(mode -> report.failed(target.label(), mode, e.getMessage()));
            return false;
        }
        try (child) {
            boolean ok = true;
            for (Mode mode : modes) {
                report.runStarts(target.label() + " (pid " + child.pid() + ", " + LoadGenerator.hostPort(child.address()) + ")", mode);
                ok &= runOne(target.label(), child.address(), mode, child);
            }
            return ok;
        }
    }

    private boolean runOne(String label, InetSocketAddress address, Mode mode, ControllerProcess child) {
        try {
            LoadResult result = new LoadGenerator(settings.withMode(mode))
                    .run(address, report.listener(mode), child == null ? null : child::cpuNanos);
            report.summary(label, mode, result);
            return true;
        } catch (BenchException e) {
            String message = e.getMessage();
            if (child != null) {
                message = child.hasExited(DEATH_GRACE) ? child.deathNotice() : message + " (controller log: " + child.keepLog() + ")";
            }
            err.println("flowlab: " + label + ", " + mode.label() + " mode: " + message);
            err.flush();
            report.failed(label, mode, message);
            return false;
        }
    }
}
