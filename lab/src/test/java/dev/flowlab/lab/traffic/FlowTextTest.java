package dev.flowlab.lab.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFFlowStatsEntry;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.protocol.match.MatchField;
import org.projectfloodlight.openflow.types.MacAddress;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.TableId;
import org.projectfloodlight.openflow.types.U64;
import org.junit.jupiter.api.Test;

class FlowTextTest {
    private final OFFactory of = OFFactories.getFactory(OFVersion.OF_13);

    @Test
    void printsEntriesLikeOvsOfctlHighestPriorityFirst() {
        OFFlowStatsEntry miss = entry(0, of.buildMatch().build(), OFPort.CONTROLLER, 0);
        OFFlowStatsEntry learned = entry(1, of.buildMatch().setExact(MatchField.IN_PORT, OFPort.of(1))
                .setExact(MatchField.ETH_DST, MacAddress.of("00:00:00:00:00:02")).build(), OFPort.of(2), 60);
        assertThat(FlowText.lines(List.of(miss, learned))).containsExactly(
                "cookie=0x0, duration=1.500s, table=0, n_packets=3, n_bytes=294, idle_timeout=60, priority=1,"
                        + "in_port=1,eth_dst=00:00:00:00:00:02 actions=output:2",
                "cookie=0x0, duration=1.500s, table=0, n_packets=3, n_bytes=294, priority=0 actions=output:CONTROLLER");
    }

    private OFFlowStatsEntry entry(int priority, org.projectfloodlight.openflow.protocol.match.Match match, OFPort out, int idle) {
        return of.buildFlowStatsEntry().setTableId(TableId.of(0)).setPriority(priority).setMatch(match)
                .setDurationSec(1).setDurationNsec(500_000_000).setPacketCount(U64.of(3)).setByteCount(U64.of(294))
                .setCookie(U64.ZERO).setIdleTimeout(idle)
                .setInstructions(List.of(of.instructions().applyActions(List.of(of.actions().output(out, 0xffff)))))
                .build();
    }
}
