package dev.flowlab.bench.controller;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The results as JSON ({@code --json FILE}), for plots and for comparing runs of different days. */
final class BenchJson {
    private final LoadSettings settings;
    private final List<Map<String, Object>> runs = new ArrayList<>();

    BenchJson(LoadSettings settings) {
        this.settings = settings;
    }

    void result(String controller, Mode mode, LoadResult result) {
        Map<String, Object> run = run(controller, mode);
        run.put("handshakes", result.handshakes());
        run.put("minAnsweredPerSecond", Math.round(result.min()));
        run.put("medianAnsweredPerSecond", Math.round(result.median()));
        run.put("maxAnsweredPerSecond", Math.round(result.max()));
        run.put("meanAnsweredPerSecond", Math.round(result.mean()));
        run.put("controllerCores", Double.isNaN(result.controllerCores()) ? null : round2(result.controllerCores()));
        run.put("generatorCores", round2(result.generatorCores()));
        run.put("answeredPerControllerCpuSecond",
                Double.isNaN(result.controllerCores()) ? null : Math.round(result.mean() / result.controllerCores()));
        List<Map<String, Object>> loops = new ArrayList<>();
        for (LoopSample loop : result.loops()) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("loop", loop.number());
            l.put("warmup", loop.warmup());
            l.put("seconds", loop.seconds());
            l.put("flowMods", loop.flowMods());
            l.put("packetOuts", loop.packetOuts());
            l.put("packetInsSent", loop.packetInsSent());
            l.put("unanswered", loop.unanswered());
            l.put("switchesAnswering", loop.switchesAnswering());
            loops.add(l);
        }
        run.put("loops", loops);
    }

    void failure(String controller, Mode mode, String error) {
        run(controller, mode).put("error", error);
    }

    void write(Path file) {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("switches", settings.switches());
        s.put("macs", settings.macs());
        s.put("ports", settings.ports());
        s.put("loops", settings.loops());
        s.put("warmupLoops", settings.warmupLoops());
        s.put("loopMillis", settings.loop().toMillis());
        s.put("window", settings.window());
        s.put("pauseMicros", settings.pause().toNanos() / 1000);
        s.put("threads", settings.threads());
        s.put("cores", Runtime.getRuntime().availableProcessors());
        root.put("settings", s);
        root.put("runs", runs);
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new BenchException("cannot write --json " + file + ": " + e.getMessage());
        }
    }

    private Map<String, Object> run(String controller, Mode mode) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("controller", controller);
        run.put("mode", mode.label());
        runs.add(run);
        return run;
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
