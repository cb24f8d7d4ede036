package dev.flowlab.controller.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.flowlab.controller.Controller;
import dev.flowlab.controller.ControllerConfig;
import dev.flowlab.controller.Poll;
import dev.flowlab.controller.testing.Frames;
import dev.flowlab.controller.testing.SwitchPeer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.projectfloodlight.openflow.protocol.OFPacketOut;
import org.projectfloodlight.openflow.types.DatapathId;

/**
 * The OpenFlow capture read back by tshark with no option but {@code -r FILE}: Wireshark's OpenFlow
 * 1.3 dissector must pick it up by itself, on a controller listening on a port other than 6653.
 */
class OpenFlowCaptureTest {
    @TempDir
    Path dir;

    @Test
    void tsharkDecodesTheCaptureAsOpenFlow13() throws Exception {
        Path file = dir.resolve("openflow.pcap");
        try (Controller controller = Controller.start(ControllerConfig.builder().apps("test-flood").listen("127.0.0.1", 0)
                .openflowCapture(file).build())) {
            assertThat(controller.address().getPort()).isNotEqualTo(6653);
            try (SwitchPeer peer = SwitchPeer.handshake(controller.address(), 0x1, 1, 2, 3)) {
                peer.sendPacketIn(1, Frames.ping(1, 2, 0x0a000001, 0x0a000002));
                peer.awaitAnswers(1, Duration.ofSeconds(5));
            }
        }
        List<String> summary = tshark(file, "-r", file.toString(), "-T", "fields", "-e", "frame.protocols",
                "-e", "openflow_v4.type");
        assertThat(summary).allSatisfy(line -> assertThat(line).contains("tcp"));
        List<String> types = summary.stream().filter(l -> l.contains("openflow_v4")).map(l -> l.split("\t")[1]).toList();
        // HELLO 0, FEATURES_REPLY 6, PACKET_IN 10, FLOW_MOD 14, PACKET_OUT 13
        assertThat(String.join(",", types).split(",")).contains("0", "6", "10", "14", "13");
        assertThat(String.join("\n", tshark(file, "-r", file.toString()))).contains("OFPT_HELLO", "OFPT_FEATURES_REPLY")
                .doesNotContain("Malformed", "Unknown");
        List<String> analysis = tshark(file, "-r", file.toString(), "-Y", "tcp.analysis.flags");
        assertThat(analysis).as("TCP problems Wireshark sees (sequence numbers per direction)").isEmpty();
    }

    @Test
    void aCaptureStartedLaterRecordsConnectionsAlreadyUp() throws Exception {
        Path file = dir.resolve("later.pcap");
        try (Controller controller = Controller.start(ControllerConfig.builder().apps("test-flood").listen("127.0.0.1", 0).build());
             SwitchPeer peer = SwitchPeer.handshake(controller.address(), 0x2, 1, 2)) {
            assertThat(controller.awaitSwitches(List.of(DatapathId.of(2)), Duration.ofSeconds(10))).isTrue();
            controller.openflowCapture().start(file);
            peer.sendPacketIn(1, Frames.ping(1, 2, 0x0a000001, 0x0a000002));
            peer.awaitAnswers(1, Duration.ofSeconds(5));
            assertThat(controller.openflowCapture().stop()).contains(file);
            assertThat(controller.openflowCapture().dropped()).isZero();
        }
        String summary = String.join("\n", tshark(file, "-r", file.toString()));
        assertThat(summary).contains("OFPT_PACKET_IN", "OFPT_PACKET_OUT").doesNotContain("OFPT_HELLO");
    }

    @Test
    void aFullDiskDropsAndCountsButNeverStallsTheSwitch() throws Exception {
        assumeThat(Files.isWritable(Path.of("/dev/full"))).isTrue();
        try (Controller controller = Controller.start(ControllerConfig.builder().apps("test-flood").listen("127.0.0.1", 0)
                .openflowCapture(Path.of("/dev/full")).build());
             SwitchPeer peer = SwitchPeer.handshake(controller.address(), 0x3, 1, 2)) {
            for (int i = 0; i < 50; i++) {
                peer.sendPacketIn(1, Frames.ping(1, 2, 0x0a000001, 0x0a000002));
            }
            assertThat(peer.awaitAnswers(50, Duration.ofSeconds(10))).hasSize(50);
            // The writer thread finds the disk full; from then on records are counted as dropped, not queued.
            Poll.until("dropped records counted", Duration.ofSeconds(10), () -> controller.openflowCapture().dropped() > 0);
        }
    }

    private static List<String> tshark(Path file, String... args) throws IOException, InterruptedException {
        assumeThat(Files.isExecutable(Path.of("/usr/bin/tshark"))).as("tshark (Debian: apt-get install tshark)").isTrue();
        assertThat(file).exists();
        Process p = new ProcessBuilder(prepend("tshark", args)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out.lines().filter(l -> !l.isBlank()).toList();
    }

    private static List<String> prepend(String first, String... rest) {
        List<String> all = new java.util.ArrayList<>(List.of(first));
        all.addAll(List.of(rest));
        return all;
    }
}
