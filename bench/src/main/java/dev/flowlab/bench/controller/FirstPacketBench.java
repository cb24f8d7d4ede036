package dev.flowlab.bench.controller;

import dev.flowlab.bench.dataplane.MachineFacts;
import dev.flowlab.dataplane.ExecResult;
import dev.flowlab.dataplane.FailMode;
import dev.flowlab.dataplane.Network;
import dev.flowlab.dataplane.NetworkOptions;
import dev.flowlab.topologies.Topologies;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first-packet figure: on {@code linear,10} with secure switches, the RTT of h1's first ping of h10, which
 * waits for about 30 packet-in round trips in a row (ARP flooded out and answered back through every switch,
 * then the echo). Each run starts a fresh controller (a cold one, as a user gets it) and a fresh network.
 * Reports every run and the median per controller.
 */
public final class FirstPacketBench {
    private static final Pattern TIME = Pattern.compile("time=([0-9.]+) ms");
    private static final Duration CONNECT = Duration.ofSeconds(60);

    private final List<SpawnSpec> controllers;
    private final int runs;
    private final String prefix;

    public FirstPacketBench(List<SpawnSpec> controllers, int runs, String prefix) {
        if (runs < 1) {
            throw new BenchException("--runs takes a positive number, not " + runs);
        }
        this.controllers = List.copyOf(controllers);
        this.runs = runs;
        this.prefix = prefix;
    }

    /** @return whether every run got its reply */
    public boolean run(PrintWriter out) {
        out.println("# first reply RTT h1 -> h10 on linear,10, secure switches, fresh controller and network each run; ms");
        out.println("| controller | load | runs (ms) | median ms |");
        out.println("|---|---|---|---|");
        out.flush();
        boolean ok = true;
        for (SpawnSpec spec : controllers) {
            String load = MachineFacts.load();
            List<Double> rtts = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                rtts.add(once(spec));
            }
            ok &= rtts.stream().noneMatch(r -> r.isNaN());
            out.println(String.format(Locale.ROOT, "| %s | %s | %s | %.1f |", spec.label(), load,
                    String.join(" ", rtts.stream().map(r -> r.isNaN() ? "none" : String.format(Locale.ROOT, "%.1f", r)).toList()),
                    median(rtts)));
            out.flush();
        }
        return ok;
    }

    private double once(SpawnSpec spec) {
        try (ControllerProcess controller = ControllerProcess.start(spec, 0, List.of(), Duration.ofSeconds(30));
             Network net = Network.start(Topologies.linear(10), NetworkOptions.builder().namePrefix(prefix)
                     .failMode(FailMode.SECURE).controller("127.0.0.1", controller.address().getPort()).build())) {
            net.awaitControllerConnections(CONNECT, waiting -> { });
            ExecResult r = net.host("h1").exec(Duration.ofSeconds(15), "ping", "-n", "-c1", "-W10", net.host("h10").ip());
            Matcher m = TIME.matcher(r.stdout());
            return r.ok() && m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().map(v -> v.isNaN() ? Double.MAX_VALUE : v).sorted().toList();
        double mid = sorted.get(sorted.size() / 2);
        return mid == Double.MAX_VALUE ? Double.NaN : mid;
    }
}
