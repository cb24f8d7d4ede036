package dev.flowlab.apps.router;

import static dev.flowlab.apps.router.Packets.ROUTER;
import static dev.flowlab.apps.router.Packets.isAt;
import static dev.flowlab.apps.router.Packets.ping;
import static dev.flowlab.apps.router.Packets.whoHas;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowlab.apps.fake.AppChain;
import dev.flowlab.apps.fake.AppSwitch;
import dev.flowlab.apps.fake.FakeContext;
import dev.flowlab.apps.learningswitch.LearningSwitch;
import dev.flowlab.controller.api.Arp;
import dev.flowlab.controller.api.Ethernet;
import dev.flowlab.controller.api.Flows;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.protocol.OFActionType;
import org.projectfloodlight.openflow.protocol.OFFlowAdd;
import org.projectfloodlight.openflow.protocol.OFFlowDelete;
import org.projectfloodlight.openflow.protocol.OFPacketOut;
import org.projectfloodlight.openflow.protocol.action.OFAction;
import org.projectfloodlight.openflow.protocol.action.OFActionOutput;
import org.projectfloodlight.openflow.protocol.action.OFActionSetField;
import org.projectfloodlight.openflow.protocol.instruction.OFInstructionApplyActions;
import org.projectfloodlight.openflow.protocol.match.MatchField;
import org.projectfloodlight.openflow.types.ArpOpcode;
import org.projectfloodlight.openflow.types.IPv4Address;
import org.projectfloodlight.openflow.types.MacAddress;

/**
 * The router in front of the learning switch on two fake switches joined by a cable (s1 port 3 to
 * s2 port 3): h1 10.0.1.10 on s1 port 1, h2 10.0.2.20 on s1 port 2, h3 10.0.2.30 on s2 port 1.
 */
class RouterTest {
    private static final MacAddress H1 = MacAddress.of(1);
    private static final MacAddress H2 = MacAddress.of(2);
    private static final MacAddress H3 = MacAddress.of(3);
    private static final RouterConfig CONFIG = new RouterConfig(null,
            List.of(new Subnet("10.0.1.1/24"), new Subnet("10.0.2.1/24")), List.of());

    private final FixedTopology topology = new FixedTopology().cable(1, 3, 2, 3);
    private final Router router = new Router(topology);
    private final AppChain chain = new AppChain(router, new LearningSwitch());
    private final AppSwitch s1 = new AppSwitch(1, chain, 1, 2, 3);
    private final AppSwitch s2 = new AppSwitch(2, chain, 1, 3);

    private FakeContext context;

    @BeforeEach
    void start() {
        context = new FakeContext("router", CONFIG, s1.sw(), s2.sw());
        router.start(context);
        chain.onSwitchUp(s1.sw());
        chain.onSwitchUp(s2.sw());
    }

    @Test
    void everySwitchTrapsWhatIsAddressedToTheRouter() {
        assertThat(routerEntries(s1)).extracting(OFFlowAdd::getPriority).containsExactlyInAnyOrder(30200, 30200, 30000);
        assertThat(routerEntries(s2)).hasSize(3);
        assertThat(s1.sent(OFFlowDelete.class)).as("reconciled, not wiped").isEmpty();
    }

    @Test
    void aNewMasterKeepsRoutedEntriesAndTheTrapsAndDropsAnEarlierConfigsTraps() throws Exception {
        s1.receive(1, whoHas(H1, "10.0.1.10", "10.0.1.1"));
        s1.receive(2, whoHas(H2, "10.0.2.20", "10.0.2.1"));
        s1.receive(1, ping(H1, ROUTER, "10.0.1.10", "10.0.2.20", 64));
        RouterConfig earlier = new RouterConfig(null, List.of(new Subnet("10.0.7.1/24")), List.of());
        RouterFlows.traps(s1.sw().factory(), Flows.cookie("router"), earlier).forEach(s1.sw()::send);
        assertThat(routerEntries(s1)).as("3 traps, 1 route, the earlier gateway's ARP trap").hasSize(3 + 1 + 1);

        Router next = new Router(topology);   // another member, now master of s1
        next.start(new FakeContext(context.store(), "router", CONFIG, s1.sw()));
        next.onSwitchUp(s1.sw());
        s1.sw().barrier().get(10, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(routeEntries(s1)).as("established routed traffic keeps its entry").hasSize(1);
        assertThat(routerEntries(s1)).hasSize(3 + 1);
    }

    @Test
    void aConfigPutThroughRestReachesEveryMemberAndReplacesTheTraps() throws Exception {
        Router other = new Router(topology);
        other.start(new FakeContext(context.store(), "router", CONFIG));   // a member that writes to no switch
        RouterConfig wider = new RouterConfig(null, List.of(new Subnet("10.0.1.1/24"), new Subnet("10.0.2.1/24"),
                new Subnet("10.0.3.1/24")), List.of());

        Object answered = ((java.util.concurrent.CompletionStage<?>) context.call("PUT", "/config",
                dev.flowlab.apps.fake.FakeRequest.of(wider))).toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
        s1.sw().barrier().get(10, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(answered).isEqualTo(wider);
        assertThat(other.currentConfig()).isEqualTo(wider);
        assertThat(routerEntries(s1)).extracting(OFFlowAdd::getPriority).containsExactlyInAnyOrder(30200, 30200, 30200, 30000);
        assertThat(s1.receive(1, whoHas(H1, "10.0.3.10", "10.0.3.1"))).as("the new gateway answers").containsExactly(1);
    }

    @Test
    void theGatewayAnswersArpAndPingOnThePortTheyCameFrom() {
        assertThat(s1.receive(1, whoHas(H1, "10.0.1.10", "10.0.1.1"))).containsExactly(1);
        Arp answer = Ethernet.of(lastPacketOut(s1).getData()).arp().orElseThrow();
        assertThat(answer.opcode()).isEqualTo(ArpOpcode.REPLY);
        assertThat(answer.senderMac()).isEqualTo(ROUTER);
        assertThat(answer.targetMac()).isEqualTo(H1);

        assertThat(s1.receive(1, ping(H1, ROUTER, "10.0.1.10", "10.0.2.1", 64))).containsExactly(1);
        Ethernet reply = Ethernet.of(lastPacketOut(s1).getData());
        assertThat(reply.icmp().orElseThrow().type()).isZero();
        assertThat(reply.ipv4().orElseThrow().source()).isEqualTo(IPv4Address.of("10.0.2.1"));
    }

    @Test
    void theFirstPacketWaitsForArpThenGoesOutRewrittenAndLaterOnesStayInTheSwitch() {
        s1.receive(1, whoHas(H1, "10.0.1.10", "10.0.1.1"));
        assertThat(s1.receive(1, ping(H1, ROUTER, "10.0.1.10", "10.0.2.20", 64))).containsExactly(1, 2);   // ARP out of edge ports
        Arp question = Ethernet.of(lastPacketOut(s1).getData()).arp().orElseThrow();
        assertThat(question.targetIp()).isEqualTo(IPv4Address.of("10.0.2.20"));
        assertThat(question.senderIp()).isEqualTo(IPv4Address.of("10.0.2.1"));
        assertThat(OfPorts.of(lastPacketOut(s2))).containsExactly(1);   // s2's port 3 is a cable, not a host port

        assertThat(s1.receive(2, isAt(H2, "10.0.2.20", "10.0.2.1"))).containsExactly(2);   // the held ping is released
        assertThat(rewrite(lastPacketOut(s1).getActions())).isEqualTo("eth_src=" + ROUTER + " eth_dst=" + H2 + " dec_ttl out=2");

        int packetIns = s1.packetIns();
        assertThat(s1.receive(1, ping(H1, ROUTER, "10.0.1.10", "10.0.2.20", 64))).containsExactly(2);
        assertThat(s1.packetIns()).isEqualTo(packetIns);
        OFFlowAdd route = routeEntries(s1).get(0);
        assertThat(route.getMatch().get(MatchField.IPV4_DST)).isEqualTo(IPv4Address.of("10.0.2.20"));
        assertThat(route.getIdleTimeout()).isEqualTo(RouterFlows.ROUTE_IDLE_TIMEOUT);
        assertThat(rewrite(((OFInstructionApplyActions) route.getInstructions().get(0)).getActions()))
                .isEqualTo("eth_src=" + ROUTER + " eth_dst=" + H2 + " dec_ttl out=2");

        assertThat(s1.receive(2, ping(H2, ROUTER, "10.0.2.20", "10.0.1.10", 64))).containsExactly(1);   // the reply
    }

    @Test
    void aHostOnAnotherSwitchIsReachedOverThePathAndItsSwitchDoesTheRest() {
        s1.receive(1, whoHas(H1, "10.0.1.10", "10.0.1.1"));
        s1.receive(1, ping(H1, ROUTER, "10.0.1.10", "10.0.2.30", 64));
        s2.receive(1, isAt(H3, "10.0.2.30", "10.0.2.1"));

        assertThat(OfPorts.of(lastPacketOut(s1))).containsExactly(3);
        assertThat(s1.receive(1, ping(H1, ROUTER, "10.0.1.10", "10.0.2.30", 64))).containsExactly(3);
        // At s2 the packet is plain L2 (to H3 from the router's MAC): the learning switch floods, H3 is reached.
        assertThat(s2.receive(3, rewritten(ping(H1, ROUTER, "10.0.1.10", "10.0.2.30", 63), H3))).containsExactly(1);
    }

    @Test
    void aPacketWithTtlOneIsNotRouted() {
        s1.receive(1, whoHas(H1, "10.0.1.10", "10.0.1.1"));
        s1.receive(2, whoHas(H2, "10.0.2.20", "10.0.2.1"));
        assertThat(s1.receive(1, ping(H1, ROUTER, "10.0.1.10", "10.0.2.20", 1))).isEmpty();
        assertThat(s1.receive(1, ping(H1, ROUTER, "10.0.1.10", "10.0.9.9", 64))).isEmpty();   // no route
    }

    @Test
    void aHostThatMovesOrALinkThatGoesDownWithdrawsRoutedEntries() {
        s1.receive(1, whoHas(H1, "10.0.1.10", "10.0.1.1"));
        s1.receive(2, whoHas(H2, "10.0.2.20", "10.0.2.1"));
        s1.receive(1, ping(H1, ROUTER, "10.0.1.10", "10.0.2.20", 64));
        assertThat(routeEntries(s1)).hasSize(1);

        s2.receive(1, whoHas(H2, "10.0.2.20", "10.0.2.1"));   // h2 now answers from s2
        assertThat(routeEntries(s1)).isEmpty();
        assertThat(s1.receive(1, ping(H1, ROUTER, "10.0.1.10", "10.0.2.20", 64))).containsExactly(3);

        topology.cut(1, 3, 2, 3);
        assertThat(routeEntries(s1)).isEmpty();
    }

    @Test
    void trafficInsideASubnetIsLeftToTheSwitchingApp() {
        assertThat(s1.receive(1, ping(H1, H2, "10.0.1.10", "10.0.1.11", 64))).containsExactly(2, 3);
        assertThat(s1.receive(1, whoHas(H1, "10.0.1.10", "10.0.1.11"))).containsExactly(2, 3);
    }

    @Test
    void withoutAConfigFileTheRouterDoesNotStart() {
        assertThatThrownBy(() -> new Router(topology).start(new FakeContext("router", null)))
                .hasMessageStartingWith("the router app needs a config file with its subnets: --app-config router=FILE");
    }

    private static List<OFFlowAdd> routerEntries(AppSwitch sw) {
        return sw.table().entries().stream()
                .filter(e -> e.getCookie().and(Flows.APP_COOKIE_MASK).equals(Flows.cookie("router"))).toList();
    }

    private static List<OFFlowAdd> routeEntries(AppSwitch sw) {
        return routerEntries(sw).stream().filter(e -> e.getPriority() == RouterFlows.ROUTE_PRIORITY).toList();
    }

    private static OFPacketOut lastPacketOut(AppSwitch sw) {
        List<OFPacketOut> outs = sw.sent(OFPacketOut.class);
        return outs.get(outs.size() - 1);
    }

    private static String rewrite(List<OFAction> actions) {
        StringBuilder text = new StringBuilder();
        for (OFAction a : actions) {
            if (a instanceof OFActionSetField set) {
                text.append(set.getField().getMatchField().getName()).append('=').append(set.getField().getValue()).append(' ');
            } else if (a instanceof OFActionOutput out) {
                text.append("out=").append(out.getPort().getPortNumber());
            } else {
                text.append(a.getType() == OFActionType.DEC_NW_TTL ? "dec_ttl " : a.getType() + " ");
            }
        }
        return text.toString();
    }

    /** The frame as the router's entry sends it on: from the router's MAC to the host's. */
    private static byte[] rewritten(byte[] frame, MacAddress to) {
        byte[] copy = frame.clone();
        System.arraycopy(to.getBytes(), 0, copy, 0, 6);
        System.arraycopy(ROUTER.getBytes(), 0, copy, 6, 6);
        return copy;
    }

    /** Output ports of a packet-out. */
    private static final class OfPorts {
        static List<Integer> of(OFPacketOut out) {
            return out.getActions().stream().filter(a -> a instanceof OFActionOutput)
                    .map(a -> ((OFActionOutput) a).getPort().getPortNumber()).toList();
        }
    }
}
