package dev.flowlab.controller.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.controller.Controller;
import dev.flowlab.controller.ControllerConfig;
import dev.flowlab.controller.VlanPorts;
import dev.flowlab.controller.testing.SwitchPeer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFFlowAdd;
import org.projectfloodlight.openflow.protocol.OFFlowStatsEntry;
import org.projectfloodlight.openflow.protocol.match.MatchField;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.OFVlanVidMatch;
import org.projectfloodlight.openflow.types.TableId;
import org.projectfloodlight.openflow.types.U64;

/** {@link Reconcile} against the wire-level switch peer's flow table: an entry is the wanted one by its whole identity. */
class ReconcileTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final U64 COOKIE = Flows.cookie("reconciled");

    private static OFFlowAdd entry(OFFactory of, int table, boolean vlan5) {
        var match = of.buildMatch().setExact(MatchField.IN_PORT, OFPort.of(1));
        if (vlan5) {
            match.setExact(MatchField.VLAN_VID, OFVlanVidMatch.ofVlan(5));
        }
        return of.buildFlowAdd().setTableId(TableId.of(table)).setPriority(10).setCookie(COOKIE).setMatch(match.build())
                .setInstructions(Flows.apply(of, Flows.output(of, OFPort.of(2)))).build();
    }

    private static List<OFFlowStatsEntry> appEntries(SwitchPeer peer) {
        return peer.flows().stream().filter(e -> e.getCookie().equals(COOKIE)).toList();
    }

    @Test
    void anEntryInAnotherTableOrForAnotherVlanIsNotTheWantedOne() throws Exception {
        try (Controller controller = Controller.start(ControllerConfig.builder().listen("127.0.0.1", 0).build(), List.of());
             SwitchPeer peer = SwitchPeer.connect(controller.address(), 1, 1, 2).keepFlowTable(3).sayHello()) {
            assertThat(controller.awaitSwitches(List.of(DatapathId.of(1)), WAIT)).isTrue();
            Switch sw = controller.switchById(DatapathId.of(1)).orElseThrow();
            OFFactory of = sw.factory();
            OFFlowAdd wanted = entry(of, 0, false);
            sw.send(wanted);   // what an earlier master left: the wanted entry, and two like it but not it
            sw.send(entry(of, 1, false));
            sw.send(entry(of, 0, true));
            sw.barrier().get(5, TimeUnit.SECONDS);

            int deleted = Reconcile.entries(sw, COOKIE, U64.NO_MASK, () -> List.of(wanted)).get(5, TimeUnit.SECONDS);
            sw.barrier().get(5, TimeUnit.SECONDS);

            assertThat(deleted).isEqualTo(2);
            assertThat(appEntries(peer)).singleElement().satisfies(e -> {
                assertThat(e.getTableId()).isEqualTo(TableId.of(0));
                assertThat(e.getMatch().get(MatchField.VLAN_VID)).isNull();
            });
        }
    }

    @Test
    void theEntriesTheVlanStageMadeOfAWantedOneAreKept() throws Exception {
        VlanPorts vlans = new VlanPorts(Map.of("s1-eth1", VlanRole.access(10), "s1-eth2", VlanRole.access(10)));
        try (Controller controller = Controller.start(ControllerConfig.builder().listen("127.0.0.1", 0).vlanPorts(vlans)
                .build(), List.of());
             SwitchPeer peer = SwitchPeer.connect(controller.address(), 1, 1, 2).keepFlowTable(3).sayHello()) {
            assertThat(controller.awaitSwitches(List.of(DatapathId.of(1)), WAIT)).isTrue();
            Switch sw = controller.switchById(DatapathId.of(1)).orElseThrow();
            OFFactory of = sw.factory();
            OFFlowAdd wanted = of.buildFlowAdd().setPriority(10).setCookie(COOKIE)
                    .setMatch(of.buildMatch().setExact(MatchField.IN_PORT, OFPort.of(1)).build())
                    .setInstructions(Flows.apply(of, Flows.output(of, OFPort.of(2)))).build();
            sw.send(wanted);
            sw.barrier().get(5, TimeUnit.SECONDS);
            List<OFFlowStatsEntry> installed = appEntries(peer);
            assertThat(installed).isNotEmpty().allSatisfy(e -> assertThat(e.getTableId()).isNotEqualTo(TableId.of(0)));

            int deleted = Reconcile.entries(sw, COOKIE, U64.NO_MASK, () -> List.of(wanted)).get(5, TimeUnit.SECONDS);
            sw.barrier().get(5, TimeUnit.SECONDS);

            assertThat(deleted).isZero();
            assertThat(appEntries(peer)).hasSameSizeAs(installed);
        }
    }
}
