package dev.flowlab.cli.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.dataplane.ExecResult;
import dev.flowlab.lab.system.SystemTests;
import dev.flowlab.testkit.Leftovers;
import dev.flowlab.testkit.SystemTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code capture} in the shell and {@code --capture} on run: files tshark reads, no dumpcap left after exit. */
@SystemTest({"clq", "clp"})
class CaptureSystemTest {
    @Test
    void shellCapturesALinkAndAHostAndExitStopsThem(@TempDir Path dir) throws Exception {
        Path captures;
        Path script = dir.resolve("steps.txt");
        Files.writeString(script, String.join("\n", "capture s1 s2", "capture h1", "capture openflow", "pingall", "capture stop",
                "capture h2", "capture s9", "exit"));
        try (FlowlabProcess flowlab = new FlowlabProcess("run", "--topo", "linear,2", "--script", script.toString(),
                "--prefix", "clq")) {
            // "capture s9" is a mistake: the script ends with 2 after it.
            assertThat(flowlab.awaitExit(120)).as(flowlab.output()).isEqualTo(2);
            assertThat(flowlab.output()).contains(": s1-s2.pcapng", ": h1-s1.pcapng", ": h2-s2.pcapng", "no host named 's9'");
            Matcher m = Pattern.compile("capturing 1 link into (\\S+): s1-s2.pcapng").matcher(flowlab.output());
            assertThat(m.find()).as(flowlab.output()).isTrue();
            captures = Path.of(m.group(1));
        }
        assertThat(dumpcapsOf("clq")).as("dumpcap processes of the run").isZero();
        assertThat(Leftovers.named("clq")).isEmpty();
        assertThat(tshark(captures.resolve("s1-s2.pcapng"), "icmp")).isNotZero();
        assertThat(tshark(captures.resolve("s1-s2.pcapng"), "arp")).isNotZero();
        assertThat(tshark(captures.resolve("h1-s1.pcapng"), "icmp")).isNotZero();
        assertThat(Files.exists(captures.resolve("h2-s2.pcapng"))).isTrue();
        assertThat(tshark(captures.resolve("openflow.pcap"), "openflow_v4.type == 10")).as("packet-ins").isNotZero();
        SystemTests.must("rm", "-r", captures.toString());
    }

    @Test
    void runWithCaptureRecordsEveryLink(@TempDir Path dir) throws Exception {
        try (FlowlabProcess flowlab = new FlowlabProcess("run", "--topo", "linear,2", "--test", "pingall",
                "--prefix", "clp", "--capture", dir.toString(), "--capture-openflow", dir.resolve("of.pcap").toString())) {
            assertThat(flowlab.awaitExit(120)).as(flowlab.output()).isZero();
            assertThat(flowlab.output()).contains("capturing every link into " + dir);
        }
        assertThat(dumpcapsOf("clp")).isZero();
        for (String link : new String[] {"h1-s1", "h2-s2", "s1-s2"}) {
            assertThat(tshark(dir.resolve(link + ".pcapng"), "icmp.type == 8")).as(link).isNotZero();
        }
        // HELLO, FEATURES_REPLY, PACKET_IN, FLOW_MOD, PACKET_OUT, read by tshark with no option but -r
        for (int type : new int[] {0, 6, 10, 14, 13}) {
            assertThat(tshark(dir.resolve("of.pcap"), "openflow_v4.type == " + type)).as("OpenFlow type " + type).isNotZero();
        }
    }

    private static long dumpcapsOf(String prefix) {
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains("dumpcap")
                && p.info().commandLine().orElse("").contains(" " + prefix + "s")).count();
    }

    /** Frames of a capture matching a display filter; fails when tshark cannot read the file. */
    static long tshark(Path file, String filter) {
        ExecResult r = SystemTests.sh("tshark", "-r", file.toString(), "-Y", filter);
        assertThat(r.exitCode()).as("tshark -r " + file + ": " + r.stdout() + r.stderr()).isZero();
        return r.stdout().lines().filter(l -> !l.isBlank() && !l.contains("Running as user")).count();
    }
}
