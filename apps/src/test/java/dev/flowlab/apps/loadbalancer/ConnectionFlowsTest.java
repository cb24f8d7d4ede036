package dev.flowlab.apps.loadbalancer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.apps.loadbalancer.ConnectionFlows.Connection;
import dev.flowlab.apps.loadbalancer.ConnectionFlows.Entry;
import dev.flowlab.apps.loadbalancer.ConnectionFlows.Hop;
import dev.flowlab.controller.api.Link;
import dev.flowlab.controller.api.Path;
import dev.flowlab.controller.api.SwitchPort;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.protocol.action.OFAction;
import org.projectfloodlight.openflow.protocol.instruction.OFInstructionApplyActions;
import org.projectfloodlight.openflow.protocol.match.MatchField;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.IPv4Address;
import org.projectfloodlight.openflow.types.MacAddress;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.TransportPort;
import org.projectfloodlight.openflow.types.U64;

/** A client on s1 port 1, its server on s2 port 3, s1 port 2 cabled to s2 port 4. */
class ConnectionFlowsTest {
    private static final OFFactory OF = OFFactories.getFactory(OFVersion.OF_13);
    private static final DatapathId S1 = DatapathId.of(1);
    private static final DatapathId S2 = DatapathId.of(2);
    private static final IPv4Address CLIENT = IPv4Address.of("10.0.0.1");
    private static final IPv4Address VIP = IPv4Address.of("10.0.0.100");
    private static final IPv4Address SERVER = IPv4Address.of("10.0.0.2");
    private static final MacAddress VMAC = MacAddress.of("02:00:00:00:00:64");
    private static final MacAddress SERVER_MAC = MacAddress.of(2);
    private static final Connection C = new Connection(CLIENT, TransportPort.of(40000), VIP, VMAC, TransportPort.of(80),
            SERVER, SERVER_MAC);
    private static final List<Hop> HOPS = ConnectionFlows.hops(new SwitchPort(S1, OFPort.of(1)),
            new Path(S1, S2, List.of(new Link(S1, OFPort.of(2), S2, OFPort.of(4)))), new SwitchPort(S2, OFPort.of(3)));

    @Test
    void hopsFollowThePathFromTheClientsPortToTheServers() {
        assertThat(HOPS).containsExactly(new Hop(S1, OFPort.of(1), OFPort.of(2)), new Hop(S2, OFPort.of(4), OFPort.of(3)));
    }

    @Test
    void towardTheServerTheClientsSwitchRewritesTheDestinationAndTheNextOnlyForwards() {
        List<Entry> entries = ConnectionFlows.toServer(OF, U64.ZERO, 10, C, HOPS);

        assertThat(entries).extracting(Entry::dpid).containsExactly(S1, S2);
        assertThat(entries.get(0).flow().getMatch().get(MatchField.IPV4_DST)).isEqualTo(VIP);
        assertThat(actions(entries.get(0))).containsExactly(OF.actions().setField(OF.oxms().ethDst(SERVER_MAC)),
                OF.actions().setField(OF.oxms().ipv4Dst(SERVER)), OF.actions().output(OFPort.of(2), 0xffff));
        assertThat(entries.get(1).flow().getMatch().get(MatchField.IPV4_DST)).isEqualTo(SERVER);
        assertThat(entries.get(1).flow().getMatch().get(MatchField.IN_PORT)).isEqualTo(OFPort.of(4));
        assertThat(actions(entries.get(1))).containsExactly(OF.actions().output(OFPort.of(3), 0xffff));
        assertThat(entries).allMatch(e -> e.flow().getIdleTimeout() == 10);
    }

    @Test
    void backToTheClientTheRepliesSourceBecomesTheVirtualAddressAtTheClientsSwitch() {
        List<Entry> entries = ConnectionFlows.toClient(OF, U64.ZERO, 10, C, HOPS);

        assertThat(entries).extracting(Entry::dpid).containsExactly(S2, S1);
        assertThat(entries.get(0).flow().getMatch().get(MatchField.IN_PORT)).isEqualTo(OFPort.of(3));
        assertThat(entries.get(0).flow().getMatch().get(MatchField.IPV4_SRC)).isEqualTo(SERVER);
        assertThat(entries.get(0).flow().getMatch().get(MatchField.TCP_SRC)).isEqualTo(TransportPort.of(80));
        assertThat(actions(entries.get(0))).containsExactly(OF.actions().output(OFPort.of(4), 0xffff));
        assertThat(actions(entries.get(1))).containsExactly(OF.actions().setField(OF.oxms().ethSrc(VMAC)),
                OF.actions().setField(OF.oxms().ipv4Src(VIP)), OF.actions().output(OFPort.of(1), 0xffff));
    }

    private static List<OFAction> actions(Entry e) {
        return ((OFInstructionApplyActions) e.flow().getInstructions().get(0)).getActions();
    }
}
