package dev.flowlab.apps.stp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.apps.fake.FakeHost;
import dev.flowlab.apps.fake.FakeNetwork;
import dev.flowlab.apps.fake.Frames;
import dev.flowlab.apps.learningswitch.LearningSwitch;
import dev.flowlab.controller.api.App;
import dev.flowlab.controller.api.Ethernet;
import dev.flowlab.topologies.Topologies;
import dev.flowlab.topologies.Topology;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.projectfloodlight.openflow.types.IPv4Address;
import org.projectfloodlight.openflow.types.OFPort;

/**
 * stp with the learning switch, the real link discovery and fake switches wired as looped
 * topologies: the fake network fails a test with a storm if a frame keeps circulating.
 */
class SpanningTreeOnFakeNetworkTest {
    private SpanningTree stp;

    private FakeNetwork start(Topology t) {
        FakeNetwork net = FakeNetwork.start(t, (topology, hosts) -> {
            stp = new SpanningTree(topology, Duration.ofSeconds(2));
            Map<String, App> apps = new LinkedHashMap<>();
            apps.put(SpanningTree.ID, stp);
            apps.put(LearningSwitch.ID, new LearningSwitch(topology));
            return apps;
        });
        net.tick();   // the holds of the ports that came up end
        return net;
    }

    static Stream<Arguments> loops() {
        return Stream.of(Arguments.of("ring,4", Topologies.ring(4), 1), Arguments.of("mesh,4", Topologies.mesh(4), 3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loops")
    void learningSwitchReachesEveryPairOnALoopWithCablesOffTheTreeBlocked(String name, Topology t, int offTree) {
        FakeNetwork net = start(t);

        assertThat(stp.notReady()).isEmpty();
        assertThat(count(PortState.BLOCKING)).as("both ends of each cable off the tree").isEqualTo(2 * offTree);
        assertThat(net.pingAll()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loops")
    void aCutTreeCableIsReplacedAndEveryPairReachedAgain(String name, Topology t, int offTree) {
        FakeNetwork net = start(t);
        assertThat(net.pingAll()).isEmpty();   // every MAC learnt along the first tree
        assertThat(stp.state(FakeNetwork.dpid(1), OFPort.of(t.port("s1", "s2").orElseThrow())))
                .contains(PortState.FORWARDING);

        net.cut("s1", "s2");

        assertThat(count(PortState.BLOCKING)).isEqualTo(2 * (offTree - 1));
        assertThat(count(PortState.DISABLED)).isEqualTo(2);
        assertThat(net.pingAll()).isEmpty();
    }

    @Test
    void untilTheHoldEndsABroadcastStaysOnItsOwnSwitch() {
        FakeNetwork net = FakeNetwork.start(Topologies.ring(4), (topology, hosts) -> {
            stp = new SpanningTree(topology, Duration.ofSeconds(2));
            return Map.of(SpanningTree.ID, stp, LearningSwitch.ID, new LearningSwitch(topology));
        });
        assertThat(stp.notReady()).hasValueSatisfying(why -> assertThat(why).contains("holds 4 new ports"));

        FakeHost h1 = net.host("h1");
        h1.send(Frames.arpRequest(h1.mac(), h1.ip(), IPv4Address.of("10.0.0.99")));
        net.settle();

        for (FakeHost h : net.hosts()) {
            assertThat(h.received()).as("frames at %s", h.name()).noneMatch(f -> Ethernet.of(f).destination().isBroadcast());
        }
    }

    @Test
    void restListsEveryPortWithItsState() {
        start(Topologies.ring(4));

        List<SpanningTree.PortView> ports = stp.ports();

        assertThat(ports).hasSize(12);   // 4 switches: a host port and two ring ports each
        assertThat(ports.get(0)).isEqualTo(new SpanningTree.PortView(FakeNetwork.dpid(1).toString(), 1, "forwarding"));
        assertThat(ports).filteredOn(p -> p.state().equals("blocking")).hasSize(2);
    }

    private long count(PortState state) {
        return stp.ports().stream().filter(p -> p.state().equals(state.toString())).count();
    }
}
