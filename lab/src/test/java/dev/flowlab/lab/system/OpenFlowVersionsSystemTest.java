package dev.flowlab.lab.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowlab.controller.api.FlowEntries;
import dev.flowlab.controller.api.Flows;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.dataplane.FailMode;
import dev.flowlab.dataplane.NamespaceHost;
import dev.flowlab.dataplane.OpenFlowVersion;
import dev.flowlab.dataplane.PingResult;
import dev.flowlab.lab.ControllerChoice;
import dev.flowlab.lab.Lab;
import dev.flowlab.lab.LabSpec;
import dev.flowlab.lab.Progress;
import dev.flowlab.testkit.Leftovers;
import dev.flowlab.testkit.SystemTest;
import dev.flowlab.topologies.Topologies;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.projectfloodlight.openflow.protocol.OFFlowStatsEntry;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.protocol.match.MatchField;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.MacAddress;

/**
 * {@code flowlab run --topo single,3 --protocols OpenFlowNN --test pingall} through the Lab API, on real
 * Open vSwitch bridges that offer only that version: the embedded controller must speak it, and so must an
 * OpenFlow 1.0 controller from elsewhere (Open vSwitch's own ovs-testcontroller).
 */
@SystemTest(OpenFlowVersionsSystemTest.PREFIX)
class OpenFlowVersionsSystemTest {
    static final String PREFIX = "ofv";

    @ParameterizedTest
    @EnumSource(value = OpenFlowVersion.class, names = {"OPENFLOW10", "OPENFLOW14", "OPENFLOW15"})
    void learningSwitchPingsAllOverBridgesOfferingOnlyOneVersion(OpenFlowVersion version) throws Exception {
        try (Lab lab = Lab.start(spec(List.of("learning-switch"), ControllerChoice.EMBEDDED, version), Progress.SILENT)) {
            Switch sw = lab.embeddedController().orElseThrow().switchById(DatapathId.of(1)).orElseThrow();
            assertThat(sw.version()).isEqualTo(OFVERSION.get(version));

            assertPingAll(lab);
            assertThat(lab.network().bridge(PREFIX + "s1").flows()).as("ovs-ofctl in the bridge's version")
                    .anyMatch(line -> line.contains("priority=1,"));   // the learning switch's entries
            // Flow stats in the switch's version, counters read right (1.5 numbers them differently from openflowj).
            // Not the pingall's packets: all of them may have gone by the controller (its packet-outs count on no
            // entry; for the few ms the pingall takes, the datapath still sends a pair's packets up), and each packet-in
            // re-adds the pair's entry, which on OpenFlow 1.0 zeroes its counters. So pings over a learnt pair, until
            // its entries count them: the userspace datapath hands counters to OpenFlow lazily (next revalidation).
            NamespaceHost h1 = lab.network().host("h1");
            String h2 = lab.network().host("h2").ip();
            SystemTests.until("the learning switch's entries count pings h1 -> h2", () -> {
                h1.exec("ping", "-c1", "-W1", h2);
                return flowStats(sw);
            }, entries -> entries.stream().anyMatch(e -> e.getPriority() == 1 && FlowEntries.packets(e) > 0
                    && FlowEntries.bytes(e) > FlowEntries.packets(e)));
            assertThat(sw.isConnected()).as("still connected after the flow stats").isTrue();
        }
        assertThat(Leftovers.named(PREFIX)).isEmpty();
    }

    /**
     * A user's dump-flows must not see a learning switch entry's counters go back to 0 while the entry carries
     * traffic. A packet-in for a pair whose entries exist (here: the way there deleted by hand, as an idle timeout
     * would take it while the way back still carries traffic) sets both ways again. On OpenFlow 1.0 Open vSwitch
     * zeroes the counters of an entry a flow-add replaces; the learning switch modifies strictly there instead.
     */
    @ParameterizedTest
    @EnumSource(value = OpenFlowVersion.class, names = {"OPENFLOW10", "OPENFLOW13"})
    void aLearnedPairSetAgainKeepsTheCountersOfItsEntries(OpenFlowVersion version) throws Exception {
        try (Lab lab = Lab.start(spec(List.of("learning-switch"), ControllerChoice.EMBEDDED, version), Progress.SILENT)) {
            Switch sw = lab.embeddedController().orElseThrow().switchById(DatapathId.of(1)).orElseThrow();
            NamespaceHost h1 = lab.network().host("h1");
            NamespaceHost h2 = lab.network().host("h2");
            MacAddress mac1 = macOf(h1);
            MacAddress mac2 = macOf(h2);
            // Ten replies at least: more than the one reply and the few ARP packets a zeroed entry could count afterwards.
            long back = SystemTests.until("the entry h2 -> h1 counts ten replies", () -> {
                h1.exec("ping", "-c10", "-i0.02", "-W1", h2.ip());
                return packets(sw, mac2, mac1);
            }, n -> n >= 10);
            OFFlowStatsEntry there = flowStats(sw).stream().filter(e -> is(e, mac1, mac2)).findFirst().orElseThrow();
            sw.send(sw.factory().buildFlowDeleteStrict().setPriority(there.getPriority()).setMatch(there.getMatch()).build());
            sw.barrier().get(10, TimeUnit.SECONDS);

            assertThat(h1.exec("ping", "-c1", "-W5", h2.ip()).ok()).as("h1 -> h2 through the controller again").isTrue();
            SystemTests.until("the entry h2 -> h1 counts on from " + back + " packets", () -> packets(sw, mac2, mac1),
                    n -> n > back);
            assertThat(flowStats(sw).stream().filter(e -> is(e, mac1, mac2))).as("the way there set again").hasSize(1);
        }
        assertThat(Leftovers.named(PREFIX)).isEmpty();
    }

    /** The MAC the kernel gave the host's first interface. */
    private static MacAddress macOf(NamespaceHost h) {
        return MacAddress.of(h.exec("cat", "/sys/class/net/" + h.interfaces().get(0) + "/address").stdout().trim());
    }

    /** Packets counted on the entry from {@code src} to {@code dst}; -1 when there is none. */
    private static long packets(Switch sw, MacAddress src, MacAddress dst) {
        return flowStats(sw).stream().filter(e -> is(e, src, dst)).mapToLong(FlowEntries::packets).findFirst().orElse(-1);
    }

    private static boolean is(OFFlowStatsEntry e, MacAddress src, MacAddress dst) {
        return e.getPriority() == 1 && src.equals(e.getMatch().get(MatchField.ETH_SRC)) && dst.equals(e.getMatch().get(MatchField.ETH_DST));
    }

    @Test
    void hubPingsAllOverOpenFlow10() {
        try (Lab lab = Lab.start(spec(List.of("hub"), ControllerChoice.EMBEDDED, OpenFlowVersion.OPENFLOW10),
                Progress.SILENT)) {
            assertPingAll(lab);
        }
        assertThat(Leftovers.named(PREFIX)).isEmpty();
    }

    @Test
    void anExternalOpenFlow10ControllerDrivesTheNetwork() throws Exception {
        int port = SystemTests.freePort();
        Process testController = new ProcessBuilder("ovs-testcontroller", "-O", "OpenFlow10", "ptcp:" + port + ":127.0.0.1")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            SystemTests.until("ovs-testcontroller listens on " + port, () -> listening(port));
            try (Lab lab = Lab.start(spec(List.of(), ControllerChoice.parse("tcp:127.0.0.1:" + port),
                    OpenFlowVersion.OPENFLOW10), Progress.SILENT)) {
                assertPingAll(lab);
            }
        } finally {
            testController.destroy();
            testController.waitFor();
        }
        assertThat(Leftovers.named(PREFIX)).isEmpty();
    }

    @Test
    void anAppThatNeedsOpenFlow13IsRefusedBeforeAnythingIsBuilt() {
        assertThatThrownBy(() -> Lab.start(spec(List.of("routing"), ControllerChoice.EMBEDDED, OpenFlowVersion.OPENFLOW10),
                Progress.SILENT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("app routing needs OpenFlow 1.3 or later, and the switches will speak OpenFlow 1.0");
        assertThat(Leftovers.named(PREFIX)).isEmpty();
    }

    private static List<OFFlowStatsEntry> flowStats(Switch sw) {
        try {
            return sw.request(Flows.allFlows(sw.factory())).get(10, TimeUnit.SECONDS).stream()
                    .flatMap(r -> r.getEntries().stream()).toList();
        } catch (Exception e) {
            throw new AssertionError("flow stats of " + sw + ": " + e, e);
        }
    }

    private static final Map<OpenFlowVersion, OFVersion> OFVERSION = Map.of(OpenFlowVersion.OPENFLOW10, OFVersion.OF_10,
            OpenFlowVersion.OPENFLOW13, OFVersion.OF_13, OpenFlowVersion.OPENFLOW14, OFVersion.OF_14,
            OpenFlowVersion.OPENFLOW15, OFVersion.OF_15);

    private static LabSpec spec(List<String> apps, ControllerChoice controller, OpenFlowVersion version) {
        return new LabSpec(Topologies.single(3), apps, controller, FailMode.SECURE, PREFIX).withProtocols(List.of(version));
    }

    private static void assertPingAll(Lab lab) {
        PingResult result = lab.network().pingAll();
        assertThat(result.failures()).as("pingall").isEmpty();
        assertThat(result.received()).isEqualTo(6);
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
