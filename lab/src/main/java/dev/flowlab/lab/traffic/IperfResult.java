package dev.flowlab.lab.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * A TCP throughput measurement read from {@code iperf3 --json} output.
 *
 * @param sentMbits     what the client sent, in Mbit/s
 * @param receivedMbits what the server received, in Mbit/s: the number Mininet's {@code iperf} shows
 * @param seconds       length of the measurement
 */
public record IperfResult(double sentMbits, double receivedMbits, double seconds) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads iperf3's JSON report; an {@code "error"} in it becomes the exception's message. */
    public static IperfResult parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("iperf3 printed no JSON report: " + firstLine(json));
        }
        if (root.hasNonNull("error")) {
            throw new IllegalStateException("iperf3: " + root.get("error").asText());
        }
        JsonNode sent = root.path("end").path("sum_sent");
        JsonNode received = root.path("end").path("sum_received");
        if (received.isMissingNode() || sent.isMissingNode()) {
            throw new IllegalStateException("iperf3 report has no end.sum_sent/sum_received: " + firstLine(json));
        }
        return new IperfResult(sent.path("bits_per_second").asDouble() / 1e6,
                received.path("bits_per_second").asDouble() / 1e6, received.path("seconds").asDouble());
    }

    /** {@code 1534 Mbit/s}, with a decimal below 10 Mbit/s. */
    public static String mbits(double value) {
        return value < 10 ? String.format("%.2f Mbit/s", value) : String.format("%.0f Mbit/s", value);
    }

    private static String firstLine(String s) {
        String t = s == null ? "" : s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}
