package dev.flowlab.dataplane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/**
 * One iperf3 measurement between two hosts, read from iperf3's JSON report.
 *
 * @param protocol                TCP or UDP
 * @param seconds                 length of the measurement as the receiver counted it
 * @param sentBitsPerSecond       what the client sent
 * @param receivedBitsPerSecond   what the server received: the number Mininet's {@code iperf} shows
 * @param lostPercent             UDP datagrams lost (0 for TCP, which resends)
 * @param jitterMillis            UDP jitter (0 for TCP)
 */
public record IperfResult(Iperf.Protocol protocol, double seconds, double sentBitsPerSecond,
                          double receivedBitsPerSecond, double lostPercent, double jitterMillis) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Received rate in Mbit/s. */
    public double receivedMbits() {
        return receivedBitsPerSecond / 1e6;
    }

    /** Sent rate in Mbit/s. */
    public double sentMbits() {
        return sentBitsPerSecond / 1e6;
    }

    /**
     * Reads iperf3's {@code --json} report; an {@code "error"} in it (refused connection, server busy...)
     * becomes a {@link DataplaneException} with iperf3's words.
     */
    static IperfResult parse(Iperf.Protocol protocol, String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new DataplaneException("iperf3 printed no JSON report: " + firstLine(json));
        }
        if (root == null || root.hasNonNull("error")) {
            throw new DataplaneException("iperf3: " + (root == null ? "no output" : root.get("error").asText()));
        }
        JsonNode sent = root.path("end").path("sum_sent");
        JsonNode received = root.path("end").path("sum_received");
        if (received.isMissingNode() || sent.isMissingNode()) {
            throw new DataplaneException("iperf3 report has no end.sum_sent/sum_received: " + firstLine(json));
        }
        return new IperfResult(protocol, received.path("seconds").asDouble(), sent.path("bits_per_second").asDouble(),
                received.path("bits_per_second").asDouble(), received.path("lost_percent").asDouble(),
                received.path("jitter_ms").asDouble());
    }

    private static String firstLine(String s) {
        String t = s == null ? "" : s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}
