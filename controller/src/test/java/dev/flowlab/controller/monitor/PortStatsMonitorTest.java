package dev.flowlab.controller.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.controller.Controller;
import dev.flowlab.controller.ControllerConfig;
import dev.flowlab.controller.Poll;
import dev.flowlab.controller.RestConfig;
import dev.flowlab.controller.api.Flows;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.testing.SwitchPeer;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFFlowStatsEntry;
import org.projectfloodlight.openflow.protocol.match.MatchField;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.OFPort;

/** What the port-stats monitor keeps of a switch's flow table, polled over the wire. */
class PortStatsMonitorTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int ENTRIES = 3000;

    @Test
    void aSwitchWithManyFlowEntriesHasThemCountedAndOnlyTheHighestPrioritiesKept() throws Exception {
        try (Controller controller = Controller.start(ControllerConfig.builder().apps().listen("127.0.0.1", 0)
                .rest(RestConfig.on("127.0.0.1", 0)).portStatsInterval(Duration.ofMillis(200)).build());
             SwitchPeer peer = SwitchPeer.connect(controller.address(), 1, 1, 2).keepFlowTable(1).sayHello()) {
            DatapathId dpid = DatapathId.of(1);
            assertThat(controller.awaitSwitches(List.of(dpid), WAIT)).isTrue();
            Switch sw = controller.switchById(dpid).orElseThrow();
            OFFactory of = sw.factory();
            for (int i = 1; i <= ENTRIES; i++) {
                sw.send(of.buildFlowAdd().setPriority(i).setMatch(of.buildMatch().setExact(MatchField.IN_PORT, OFPort.of(1)).build())
                        .setInstructions(Flows.apply(of, Flows.output(of, OFPort.of(2)))).build());
            }
            sw.barrier().get(10, TimeUnit.SECONDS);
            PortStatsMonitor monitor = controller.portStats().orElseThrow();

            Poll.until("a poll that saw every entry", WAIT, () -> monitor.flowCounts().getOrDefault(dpid, 0) >= ENTRIES);

            assertThat(monitor.flows(dpid)).hasSize(PortStatsMonitor.KEPT_FLOWS);
            // Added lowest priority first, so the switch answers them in that order: what is kept is the top, not the first.
            List<Integer> highest = peer.flows().stream().map(OFFlowStatsEntry::getPriority).sorted(Comparator.reverseOrder())
                    .limit(PortStatsMonitor.KEPT_FLOWS).toList();
            assertThat(monitor.flows(dpid)).extracting(OFFlowStatsEntry::getPriority).containsExactlyElementsOf(highest)
                    .contains(ENTRIES).doesNotContain(1);
        }
    }
}
