package dev.flowlab.dataplane;

import dev.flowlab.testkit.Leftovers;
import dev.flowlab.testkit.SystemTest;
import dev.flowlab.topologies.Topologies;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Packet capture of a running network: pcapng files tshark reads, nothing left running after teardown. */
@SystemTest(CaptureTest.PREFIX)
class CaptureTest {
    static final String PREFIX = "dpc";

    @TempDir
    Path dir;

    @Test
    void pingallOnLinear2IsInTheLinkCapturesAndTeardownStopsThem() {
        List<LinkCapture> captures;
        try (Network net = Network.start(Topologies.linear(2), NetworkOptions.builder().namePrefix(PREFIX).build())) {
            captures = net.captureAll(dir);
            assertThat(captures).extracting(LinkCapture::name).containsExactlyInAnyOrder("s1-s2", "h1-s1", "h2-s2");
            assertThatThrownBy(() -> net.capture("s2", "s1", dir)).hasMessageContaining("being captured already");
            assertThat(net.pingAll().failures()).isEmpty();
        }
        assertThat(captures).allSatisfy(c -> {
            assertThat(ProcessHandle.of(c.pid()).filter(ProcessHandle::isAlive)).as("dumpcap of " + c.name()).isEmpty();
            assertThat(c.file().getFileName().toString()).isEqualTo(c.name() + ".pcapng");
        });
        Path s1s2 = dir.resolve("s1-s2.pcapng");
        assertThat(tshark(s1s2, "icmp.type == 8")).as("echo requests on s1-s2").isNotZero();
        assertThat(tshark(s1s2, "icmp.type == 0")).as("echo replies on s1-s2").isNotZero();
        assertThat(tshark(s1s2, "arp")).as("ARP on s1-s2").isNotZero();
        assertThat(tshark(dir.resolve("h1-s1.pcapng"), "icmp")).isNotZero();
        assertThat(Leftovers.named(PREFIX)).isEmpty();
    }

    /** Frames of {@code file} matching a display filter, as tshark counts them; fails when tshark cannot read it. */
    static long tshark(Path file, String filter) {
        assertThat(Files.exists(file)).as(file.toString()).isTrue();
        ExecResult r = ProcessRunner.run("tshark", "-r", file.toString(), "-Y", filter);
        assertThat(r.exitCode()).as("tshark -r " + file + ": " + r.stderr()).isZero();
        return r.stdout().lines().filter(l -> !l.isBlank()).count();
    }
}
