package dev.flowlab.lab.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Reads every switch's flow table from OVS at a fixed period on its own thread: OVS itself, not the
 * controller, because the point is what the switch holds while the controller is away.
 */
final class FlowSampler implements AutoCloseable {
    private final Map<String, String> bridges;  // switch name -> bridge name
    private final long periodMillis;
    private final List<FlowSample> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    FlowSampler(Map<String, String> bridges, long periodMillis) {
        this.bridges = bridges;
        this.periodMillis = periodMillis;
        this.thread = new Thread(this::loop, "fm-flow-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            long next = System.currentTimeMillis() + periodMillis;
            for (var e : bridges.entrySet()) {
                sample(e.getKey(), e.getValue());
            }
            try {
                Thread.sleep(Math.max(0, next - System.currentTimeMillis()));  // a sampling period, not a wait for a condition
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    void sample(String switchName, String bridge) {
        double at = System.currentTimeMillis() / 1000.0;
        List<String> flows = dumpFlows(bridge);
        if (flows == null) {
            return;  // a failed read is no evidence of an empty table
        }
        synchronized (samples) {
            samples.add(new FlowSample(at, switchName, flows.size(), flows));
        }
    }

    /** The bridge's flow entries, or null when ovs-ofctl failed or timed out. */
    static List<String> dumpFlows(String bridge) {
        try {
            Process p = new ProcessBuilder("ovs-ofctl", "-O", "OpenFlow13", "dump-flows", bridge)
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return null;
            }
            return out.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("OFPST_FLOW")).toList();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    List<FlowSample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5000);
    }
}
