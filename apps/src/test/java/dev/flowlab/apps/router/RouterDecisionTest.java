package dev.flowlab.apps.router;

import static dev.flowlab.apps.router.Packets.ROUTER;
import static dev.flowlab.apps.router.Packets.isAt;
import static dev.flowlab.apps.router.Packets.ping;
import static dev.flowlab.apps.router.Packets.whoHas;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowlab.apps.router.Decision.AnswerArp;
import dev.flowlab.apps.router.Decision.Drop;
import dev.flowlab.apps.router.Decision.Forward;
import dev.flowlab.apps.router.Decision.Resolve;
import dev.flowlab.controller.api.Ethernet;
import dev.flowlab.controller.api.SwitchPort;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.IPv4Address;
import org.projectfloodlight.openflow.types.MacAddress;
import org.projectfloodlight.openflow.types.OFPort;

/** The router's decisions and tables as pure functions: no switch, no controller. */
class RouterDecisionTest {
    private static final MacAddress H1 = MacAddress.of(1);
    private static final MacAddress H2 = MacAddress.of(2);
    private static final RouterConfig CONFIG = new RouterConfig(null,
            List.of(new Subnet("10.0.1.1/24"), new Subnet("10.0.2.1/24")),
            List.of(new StaticRoute("10.0.3.0/24", "10.0.2.254"), new StaticRoute("0.0.0.0/0", "10.0.2.253")));
    private final RoutingTable table = new RoutingTable(CONFIG);
    private final Neighbours neighbours = new Neighbours();

    private Decision decide(byte[] frame) {
        return Decision.of(Ethernet.of(frame), ROUTER, table, neighbours);
    }

    @Test
    void longestPrefixWinsAndAConnectedHostIsItsOwnNextHop() {
        assertThat(table.lookup(IPv4Address.of("10.0.2.20")).orElseThrow().ip()).isEqualTo(IPv4Address.of("10.0.2.20"));
        assertThat(table.lookup(IPv4Address.of("10.0.3.7")).orElseThrow().ip()).isEqualTo(IPv4Address.of("10.0.2.254"));
        assertThat(table.lookup(IPv4Address.of("192.168.0.1")).orElseThrow().ip()).isEqualTo(IPv4Address.of("10.0.2.253"));
        assertThat(table.lookup(IPv4Address.of("10.0.3.7")).orElseThrow().subnet().gateway()).isEqualTo("10.0.2.1/24");
        assertThat(new RoutingTable(new RouterConfig(null, List.of(new Subnet("10.0.1.1/24")), List.of()))
                .lookup(IPv4Address.of("10.9.9.9"))).isEmpty();
    }

    @Test
    void arpForAGatewayIsAnsweredOtherArpIsNotOurs() {
        assertThat(decide(whoHas(H1, "10.0.1.10", "10.0.1.1"))).isInstanceOfSatisfying(AnswerArp.class,
                a -> assertThat(a.gateway().gateway()).isEqualTo("10.0.1.1/24"));
        assertThat(decide(whoHas(H1, "10.0.1.10", "10.0.1.11"))).isInstanceOf(Decision.NotForRouter.class);
        assertThat(decide(isAt(H2, "10.0.2.20", "10.0.2.1"))).isInstanceOf(Decision.Learnt.class);
    }

    @Test
    void echoToAGatewayIsAnsweredAndOtherTrafficToItDropped() {
        assertThat(decide(ping(H1, ROUTER, "10.0.1.10", "10.0.1.1", 64))).isInstanceOf(Decision.AnswerEcho.class);
        assertThat(decide(ping(H1, ROUTER, "10.0.1.10", "10.0.2.1", 64))).isInstanceOf(Decision.AnswerEcho.class);
        assertThat(decide(dev.flowlab.apps.fake.Segments.tcp(1, 2, 22))).isInstanceOf(Decision.NotForRouter.class);
    }

    @Test
    void routedPacketsGoToAKnownNeighbourOrWaitForArp() {
        byte[] toH2 = ping(H1, ROUTER, "10.0.1.10", "10.0.2.20", 64);
        assertThat(decide(toH2)).isInstanceOfSatisfying(Resolve.class,
                r -> assertThat(r.hop().ip()).isEqualTo(IPv4Address.of("10.0.2.20")));
        neighbours.learn(IPv4Address.of("10.0.2.20"), H2, new SwitchPort(DatapathId.of(1), OFPort.of(2)));
        assertThat(decide(toH2)).isInstanceOfSatisfying(Forward.class, f -> assertThat(f.next().mac()).isEqualTo(H2));
        assertThat(decide(ping(H1, ROUTER, "10.0.1.10", "10.0.2.20", 1))).isInstanceOfSatisfying(Drop.class,
                d -> assertThat(d.reason()).isEqualTo("TTL expired"));
        assertThat(decide(ping(H1, H2, "10.0.1.10", "10.0.2.20", 64))).isInstanceOf(Decision.NotForRouter.class);
    }

    @Test
    void configMistakesAreOneLineErrors() {
        assertThatThrownBy(() -> new Subnet("10.0.1.1")).hasMessage("gateway '10.0.1.1' needs the subnet's prefix length, like 10.0.1.1/24");
        assertThatThrownBy(() -> new Subnet("10.0.1.0/24")).hasMessage("gateway 10.0.1.0/24 is the network or broadcast address of its subnet");
        assertThatThrownBy(() -> new RouterConfig(null, List.of(new Subnet("10.0.1.1/24"), new Subnet("10.0.1.2/16")), null))
                .hasMessage("subnets 10.0.1.1/24 and 10.0.1.2/16 overlap; give each subnet its own prefix");
        assertThatThrownBy(() -> new RouterConfig(null, List.of(new Subnet("10.0.1.1/24")),
                List.of(new StaticRoute("10.0.3.0/24", "10.0.9.1"))))
                .hasMessage("route to 10.0.3.0/24: next_hop 10.0.9.1 is in none of the router's subnets; it must be directly reachable");
        assertThatThrownBy(() -> new RouterConfig("01:00:00:00:00:01", List.of(new Subnet("10.0.1.1/24")), null))
                .hasMessageStartingWith("mac '01:00:00:00:00:01' is not a unicast MAC address");
        assertThatThrownBy(() -> new RouterConfig(null, List.of(), null)).hasMessageStartingWith("subnets is empty");
    }
}
