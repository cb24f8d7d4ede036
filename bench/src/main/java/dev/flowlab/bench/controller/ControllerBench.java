package dev.flowlab.bench.controller;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The controller benchmark in one call: the external controller and each spawned one, in each mode,
 * one after the other, then the comparison table (and JSON when asked).
 *
 * @param settings     the load every run applies (its mode is replaced by each of {@code modes})
 * @param modes        throughput, latency or both
 * @param external     a controller someone else runs, or null
 * @param spawns       controllers to start as children, each measured in turn
 * @param spawnPort    TCP port on 127.0.0.1 for spawned controllers (0: a free one)
 * @param javaOptions  JVM options for a spawned flowlab
 * @param spawnTimeout how long a spawned controller may take to listen
 * @param json         where to write the results loop by loop, or null
 */
public record ControllerBench(LoadSettings settings, List<Mode> modes, InetSocketAddress external, List<SpawnSpec> spawns,
                              int spawnPort, List<String> javaOptions, Duration spawnTimeout, Path json) {
    public ControllerBench {
        modes = List.copyOf(modes);
        spawns = List.copyOf(spawns);
        javaOptions = List.copyOf(javaOptions);
    }

    /**
     * Runs everything, printing the table to {@code out} and one line per failed run to {@code err}.
     *
     * @return true when every run worked
     */
    public boolean run(PrintWriter out, PrintWriter err) {
        BenchReport report = new BenchReport(out, settings);
        BenchRunner runner = new BenchRunner(settings, report, err);
        report.header();
        boolean ok = true;
        if (external != null) {
            ok &= runner.external(external, modes);
        }
        for (SpawnSpec target : spawns) {
            ok &= runner.spawned(target, spawnPort, javaOptions, spawnTimeout, modes);
        }
        report.comparison();
        if (json != null) {
            report.writeJson(json);
        }
        return ok;
    }
}
