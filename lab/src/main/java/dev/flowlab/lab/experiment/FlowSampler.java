package dev.flowlab.lab.experiment;

import dev.flowlab.dataplane.DataplaneException;
import dev.flowlab.dataplane.OvsBridge;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads every switch's flow table from OVS at a fixed period on its own thread: OVS itself, not the
 * controller, because the point is what the switch holds while the controller is away.
 */
final class FlowSampler implements AutoCloseable {
    private final Map<String, OvsBridge> bridges;  // switch name -> bridge
    private final long periodMillis;
    private final List<FlowSample> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    FlowSampler(Map<String, OvsBridge> bridges, long periodMillis) {
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

    void sample(String switchName, OvsBridge bridge) {
        double at = System.currentTimeMillis() / 1000.0;
        List<String> flows;
        try {
            flows = bridge.flows();
        } catch (DataplaneException e) {
            return;  // a failed read is no evidence of an empty table
        }
        synchronized (samples) {
            samples.add(new FlowSample(at, switchName, flows.size(), flows));
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
