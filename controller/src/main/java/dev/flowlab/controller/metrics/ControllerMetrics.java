package dev.flowlab.controller.metrics;

import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.capture.OpenFlowCapture;
import dev.flowlab.controller.core.SwitchCounters;
import dev.flowlab.controller.core.SwitchRegistry;
import dev.flowlab.controller.monitor.PortCounters;
import dev.flowlab.controller.monitor.PortStatsMonitor;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.function.ToLongFunction;
import org.projectfloodlight.openflow.types.DatapathId;

/**
 * Everything {@code GET /metrics} shows, named as Prometheus asks ({@code flowlab_} prefix, {@code _total}
 * on counters, the unit in the name): per switch the messages counted by the core, whether it is
 * connected and its flow entries; per port the monitor's byte, packet and drop counters; per app the
 * time its packet-in handler takes; the OpenFlow capture's drops; and the JVM's own metrics.
 * Switch and port numbers are read when scraped, not copied as they change.
 */
public final class ControllerMetrics {
    /** The content type of {@link #scrape()}. */
    public static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

    /**
     * The JVM's own metrics, once per JVM and shared by every controller in it: Prometheus's {@link JvmMetrics} keeps
     * each registry it is given, and adds a GC listener for each, for the JVM's life; registered into every
     * controller's own registry, they kept each controller ever made (its switch registry, apps and their tables).
     */
    private static final PrometheusRegistry JVM = new PrometheusRegistry();

    static {
        JvmMetrics.builder().register(JVM);
    }

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final Histogram packetInSeconds;

    public ControllerMetrics() {
        packetInSeconds = Histogram.builder().name("flowlab_app_packet_in_duration_seconds")
                .help("Time an app's packet-in handler took, per packet-in it was offered")
                .unit(Unit.SECONDS).labelNames("app")
                .classicUpperBounds(0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05, 0.1)
                .classicOnly().withoutExemplars().register(registry);
    }

    /**
     * What records one app's handling of one packet-in, in nanoseconds. Called on the I/O thread for
     * every packet-in, so the app's data point is looked up once, here, not per observation.
     */
    public LongConsumer packetInTimer(String app) {
        DistributionDataPoint point = packetInSeconds.labelValues(app);
        return nanos -> point.observe(nanos / 1e9);
    }

    /** Publishes the switches' counters and connection state. */
    public void watch(SwitchRegistry switches) {
        switchCounter("flowlab_switch_packet_ins", "Packet-ins received from the switch", switches, SwitchCounters::packetIns);
        switchCounter("flowlab_switch_flow_mods", "Flow-mods sent to the switch", switches, SwitchCounters::flowMods);
        switchCounter("flowlab_switch_packet_outs", "Packet-outs sent to the switch", switches, SwitchCounters::packetOuts);
        switchCounter("flowlab_switch_errors", "Error messages received from the switch", switches, SwitchCounters::errors);
        GaugeWithCallback.builder().name("flowlab_switch_connected").help("1 while the switch is connected, 0 after it left")
                .labelNames("dpid").callback(cb -> {
                    Set<DatapathId> up = new HashSet<>();
                    switches.switches().stream().map(Switch::id).forEach(up::add);
                    switches.allCounters().keySet().forEach(d -> cb.call(up.contains(d) ? 1 : 0, d.toString()));
                    up.stream().filter(d -> !switches.allCounters().containsKey(d)).forEach(d -> cb.call(1, d.toString()));
                }).register(registry);
    }

    /** Publishes the monitor's flow counts and port counters. */
    public void watch(PortStatsMonitor monitor) {
        GaugeWithCallback.builder().name("flowlab_switch_flows").help("Flow entries in the switch's tables at the last poll")
                .labelNames("dpid").callback(cb -> monitor.flowCounts().forEach((d, n) -> cb.call(n, d.toString())))
                .register(registry);
        portCounter("flowlab_port_received_bytes", "Bytes received on the port", monitor, PortCounters::rxBytes);
        portCounter("flowlab_port_transmitted_bytes", "Bytes sent from the port", monitor, PortCounters::txBytes);
        portCounter("flowlab_port_received_packets", "Packets received on the port", monitor, PortCounters::rxPackets);
        portCounter("flowlab_port_transmitted_packets", "Packets sent from the port", monitor, PortCounters::txPackets);
        portCounter("flowlab_port_received_dropped_packets", "Received packets the port dropped", monitor, PortCounters::rxDropped);
        portCounter("flowlab_port_transmitted_dropped_packets", "Packets the port dropped instead of sending", monitor,
                PortCounters::txDropped);
    }

    /** Publishes how many records the OpenFlow capture dropped. */
    public void watch(OpenFlowCapture capture) {
        CounterWithCallback.builder().name("flowlab_openflow_capture_dropped_records_total")
                .help("OpenFlow capture records dropped because the disk was full or too slow")
                .callback(cb -> cb.call(capture.dropped())).register(registry);
    }

    /** The text a Prometheus server scrapes. */
    public String scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            MetricSnapshots.Builder all = MetricSnapshots.builder();
            registry.scrape().forEach(all::metricSnapshot);
            JVM.scrape().forEach(all::metricSnapshot);
            writer.write(out, all.build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private void switchCounter(String name, String help, SwitchRegistry switches, ToLongFunction<SwitchCounters> value) {
        CounterWithCallback.builder().name(name + "_total").help(help).labelNames("dpid")
                .callback(cb -> switches.allCounters().forEach((d, c) -> cb.call(value.applyAsLong(c), d.toString())))
                .register(registry);
    }

    private void portCounter(String name, String help, PortStatsMonitor monitor, ToLongFunction<PortCounters> value) {
        CounterWithCallback.builder().name(name + "_total").help(help).labelNames("dpid", "port")
                .callback(cb -> {
                    for (Map.Entry<DatapathId, Map<Long, PortCounters>> sw : monitor.ports().entrySet()) {
                        for (PortCounters p : sw.getValue().values()) {
                            cb.call(value.applyAsLong(p), sw.getKey().toString(), portName(p.port()));
                        }
                    }
                }).register(registry);
    }

    private static String portName(long port) {
        return port == 0xfffffffeL ? "LOCAL" : Long.toString(port);
    }
}
