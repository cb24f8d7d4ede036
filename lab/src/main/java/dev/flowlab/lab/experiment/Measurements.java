package dev.flowlab.lab.experiment;

import dev.flowlab.dataplane.ExecResult;
import dev.flowlab.lab.Lab;
import dev.flowlab.lab.traffic.LabHost;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Short measurements and waits the phases are made of. */
final class Measurements {
    private static final Pattern RTT = Pattern.compile("icmp_seq=(\\d+) .*time=([0-9.]+) ms");
    private static final int FIRST_PACKET_COUNT = 10;

    private Measurements() {
    }

    /** Ten pings at 0.2 s from a pair with no flows or ARP entries: the first RTT against the median of the rest. */
    static ModeResult.FirstPacket firstPacket(Lab lab, LabHost from, LabHost to) {
        ExecResult r = lab.network().host(from.namespace()).exec(Duration.ofSeconds(20),
                "ping", "-n", "-c", String.valueOf(FIRST_PACKET_COUNT), "-i", "0.2", "-W", "3", to.ip());
        List<Double> rtts = new ArrayList<>();
        int firstSeq = -1;
        for (String line : r.stdout().split("\n")) {
            Matcher m = RTT.matcher(line);
            if (m.find()) {
                if (firstSeq < 0) {
                    firstSeq = Integer.parseInt(m.group(1));
                }
                rtts.add(Double.parseDouble(m.group(2)));
            }
        }
        if (rtts.size() < 2 || firstSeq != 1) {
            throw new IllegalStateException("first-packet ping " + from.name() + " -> " + to.name()
                    + " got " + rtts.size() + " replies (first seq " + firstSeq + "): " + (r.stdout() + r.stderr()).strip());
        }
        List<Double> rest = new ArrayList<>(rtts.subList(1, rtts.size()));
        rest.sort(Double::compare);
        return new ModeResult.FirstPacket(from.name(), to.name(), rtts.get(0), rest.get(rest.size() / 2), rtts);
    }

    /**
     * Polls until the probe's last {@code count} samples sent after {@code since} (epoch s) were all
     * answered; false when the timeout passes first.
     */
    static boolean awaitReplies(PingProbe probe, double since, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<ProbeSample> after = probe.samples().stream().filter(s -> s.sentAt() >= since).toList();
            if (after.size() >= count && after.subList(after.size() - count, after.size()).stream().allMatch(ProbeSample::replied)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** Sleeps until a wall-clock moment (epoch s): the length of a phase, which the user chose. */
    static void waitUntil(double epochSeconds) throws InterruptedException {
        long millis = (long) ((epochSeconds - ModeRun.now()) * 1000);
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
