package dev.flowlab.apps.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowlab.controller.api.Flows;
import dev.flowlab.controller.api.Link;
import dev.flowlab.controller.api.Path;
import dev.flowlab.controller.api.SwitchPort;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFFlowDelete;
import org.projectfloodlight.openflow.protocol.OFFlowMod;
import org.projectfloodlight.openflow.protocol.OFFlowModCommand;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.protocol.action.OFActionOutput;
import org.projectfloodlight.openflow.protocol.instruction.OFInstructionApplyActions;
import org.projectfloodlight.openflow.protocol.match.MatchField;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.MacAddress;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.TableId;
import org.projectfloodlight.openflow.types.U64;

/** Routes and their flow-mods, computed without any switch. */
class PathFlowsTest {
    private static final OFFactory OF = OFFactories.getFactory(OFVersion.OF_13);
    private static final U64 COOKIE = Flows.cookie("routing");
    private static final MacAddress H1 = MacAddress.of(1);
    private static final MacAddress H3 = MacAddress.of(3);

    /** h1 on s1 port 1; s1:2 -> s2:3, s2:2 -> s3:3; h3 on s3 port 1. */
    private static final Route ROUTE = new Route(end(1, 1),
            new Path(dpid(1), dpid(3), List.of(link(1, 2, 2, 3), link(2, 2, 3, 3))), end(3, 1));

    @Test
    void hopsFollowThePathFromIngressToEgress() {
        assertThat(ROUTE.hops()).containsExactly(
                new Route.Hop(dpid(1), OFPort.of(1), OFPort.of(2)),
                new Route.Hop(dpid(2), OFPort.of(3), OFPort.of(2)),
                new Route.Hop(dpid(3), OFPort.of(3), OFPort.of(1)));
    }

    @Test
    void aRouteWithinOneSwitchHasOneHop() {
        Route local = new Route(end(1, 1), new Path(dpid(1), dpid(1), List.of()), end(1, 4));
        assertThat(local.hops()).containsExactly(new Route.Hop(dpid(1), OFPort.of(1), OFPort.of(4)));
    }

    @Test
    void aRouteMustJoinItsEnds() {
        Path s1s2 = new Path(dpid(1), dpid(2), List.of(link(1, 2, 2, 3)));
        assertThatThrownBy(() -> new Route(end(1, 1), s1s2, end(3, 1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Route(end(1, 1), new Path(dpid(1), dpid(1), List.of()), end(1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRouteUsesItsCablesInBothDirections() {
        assertThat(ROUTE.uses(link(2, 2, 3, 3))).isTrue();
        assertThat(ROUTE.uses(link(3, 3, 2, 2))).isTrue();
        assertThat(ROUTE.uses(link(1, 3, 3, 2))).isFalse();
    }

    @Test
    void installEntriesGoDestinationSwitchFirst() {
        List<PathFlows.SwitchFlow> flows = PathFlows.install(ROUTE, H1, H3, COOKIE, dpid -> OF);

        assertThat(flows).extracting(PathFlows.SwitchFlow::dpid).containsExactly(dpid(3), dpid(2), dpid(1));
        OFFlowMod atS2 = flows.get(1).message();
        assertThat(atS2.getCommand()).isEqualTo(OFFlowModCommand.ADD);
        assertThat(atS2.getMatch().get(MatchField.IN_PORT)).isEqualTo(OFPort.of(3));
        assertThat(atS2.getMatch().get(MatchField.ETH_SRC)).isEqualTo(H1);
        assertThat(atS2.getMatch().get(MatchField.ETH_DST)).isEqualTo(H3);
        assertThat(output(atS2)).isEqualTo(OFPort.of(2));
        assertThat(atS2.getCookie()).isEqualTo(COOKIE);
        assertThat(atS2.getPriority()).isEqualTo(PathFlows.PRIORITY);
        assertThat(atS2.getIdleTimeout()).isEqualTo(PathFlows.IDLE_TIMEOUT);
        assertThat(output(flows.get(0).message())).isEqualTo(OFPort.of(1));
    }

    @Test
    void removeDeletesThePairOnEverySwitchWhateverItsInPort() {
        List<PathFlows.SwitchFlow> deletes = PathFlows.remove(ROUTE, H1, H3, COOKIE, dpid -> OF);

        assertThat(deletes).extracting(PathFlows.SwitchFlow::dpid).containsExactly(dpid(1), dpid(2), dpid(3));
        OFFlowDelete d = (OFFlowDelete) deletes.get(0).message();
        assertThat(d.getMatch().get(MatchField.ETH_SRC)).isEqualTo(H1);
        assertThat(d.getMatch().get(MatchField.ETH_DST)).isEqualTo(H3);
        assertThat(d.getMatch().get(MatchField.IN_PORT)).isNull();
        assertThat(d.getCookieMask()).isEqualTo(Flows.APP_COOKIE_MASK);
        assertThat(d.getTableId()).isEqualTo(TableId.ALL);
    }

    private static OFPort output(OFFlowMod mod) {
        OFInstructionApplyActions apply = (OFInstructionApplyActions) mod.getInstructions().get(0);
        return ((OFActionOutput) apply.getActions().get(0)).getPort();
    }

    private static DatapathId dpid(long n) {
        return DatapathId.of(n);
    }

    private static SwitchPort end(long dpid, int port) {
        return new SwitchPort(dpid(dpid), OFPort.of(port));
    }

    private static Link link(long a, int pa, long b, int pb) {
        return new Link(dpid(a), OFPort.of(pa), dpid(b), OFPort.of(pb));
    }
}
