package dev.flowlab.lab.experiment;

import dev.flowlab.dataplane.NamespaceHost;
import dev.flowlab.lab.Lab;
import dev.flowlab.lab.traffic.LabHost;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A continuous ping from one host to another ({@code ping -D -O -i INTERVAL}), read line by line
 * while it runs: one sample per interval, answered or not. Send times come from ping's timestamps: a reply's is its receive time minus the
 * RTT; an unanswered request's is the "no answer yet" line (printed as the next one is sent) minus
 * one interval.
 */
final class PingProbe implements AutoCloseable {
    private static final Pattern REPLY = Pattern.compile("^\\[(\\d+\\.\\d+)] .*icmp_seq=(\\d+) .*time=([0-9.]+) ms");
    private static final Pattern NO_ANSWER = Pattern.compile("^\\[(\\d+\\.\\d+)] no answer yet for icmp_seq=(\\d+)");

    private final LabHost source;
    private final LabHost destination;
    private final double intervalSeconds;
    // One entry per "no answer yet" line or reply. While ARP is unresolved the kernel refuses to send
    // and ping repeats the same sequence number, so one number can stand for several time steps.
    private final List<ProbeSample> samples = new ArrayList<>();
    private final Thread reader;

    private PingProbe(NamespaceHost host, LabHost source, LabHost destination, double intervalSeconds) {
        this.source = source;
        this.destination = destination;
        this.intervalSeconds = intervalSeconds;
        String[] ping = {"ping", "-n", "-D", "-O", "-i", String.format(java.util.Locale.ROOT, "%.3f", intervalSeconds),
                destination.ip()};
        this.reader = new Thread(() -> read(host, ping), "fm-probe-" + source.name() + "-" + destination.name());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts pinging from {@code source} to {@code destination} every {@code intervalSeconds}. */
    static PingProbe start(Lab lab, LabHost source, LabHost destination, double intervalSeconds) {
        return new PingProbe(lab.network().host(source.namespace()), source, destination, intervalSeconds);
    }

    LabHost source() {
        return source;
    }

    LabHost destination() {
        return destination;
    }

    /** Runs ping on this thread, each line parsed as it comes, until {@link #close()} interrupts it. */
    private void read(NamespaceHost host, String[] ping) {
        try {
            host.stream(line -> {
                ProbeSample s = parse(line, intervalSeconds);
                if (s != null) {
                    synchronized (samples) {
                        record(s);
                    }
                }
            }, ping);
        } catch (InterruptedException stopped) {
            // close(): ping is gone, nothing more to read
        }
    }

    /** A late reply replaces the last "no answer yet" entry of its sequence number (the one sent). */
    private void record(ProbeSample s) {
        if (s.replied()) {
            for (int i = samples.size() - 1; i >= 0; i--) {
                if (samples.get(i).seq() == s.seq() && !samples.get(i).replied()) {
                    samples.set(i, s);
                    return;
                }
            }
        }
        samples.add(s);
    }

    /** One line of {@code ping -D -O} output as a sample, or null for any other line. */
    static ProbeSample parse(String line, double intervalSeconds) {
        Matcher m = REPLY.matcher(line);
        if (m.find()) {
            double rtt = Double.parseDouble(m.group(3));
            return new ProbeSample(Integer.parseInt(m.group(2)), Double.parseDouble(m.group(1)) - rtt / 1000, rtt);
        }
        m = NO_ANSWER.matcher(line);
        if (m.find()) {
            return new ProbeSample(Integer.parseInt(m.group(2)), Double.parseDouble(m.group(1)) - intervalSeconds, null);
        }
        return null;
    }

    /** Samples so far, in the order they were sent. */
    List<ProbeSample> samples() {
        synchronized (samples) {
            List<ProbeSample> sorted = new ArrayList<>(samples);
            sorted.sort(java.util.Comparator.comparingDouble(ProbeSample::sentAt));
            return sorted;
        }
    }

    @Override
    public void close() throws InterruptedException {
        reader.interrupt();
        reader.join(5000);
    }
}
