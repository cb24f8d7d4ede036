package dev.flowlab.apps.loadbalancer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.apps.fake.FakeHost;
import dev.flowlab.apps.fake.FakeNetwork;
import dev.flowlab.apps.fake.Frames;
import dev.flowlab.apps.fake.Segments;
import dev.flowlab.apps.learningswitch.LearningSwitch;
import dev.flowlab.apps.stp.SpanningTree;
import dev.flowlab.controller.api.App;
import dev.flowlab.controller.api.Ethernet;
import dev.flowlab.controller.api.Flows;
import dev.flowlab.controller.testing.FakeSwitch;
import dev.flowlab.topologies.Topologies;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.types.IPv4Address;
import org.projectfloodlight.openflow.types.IpProtocol;
import org.projectfloodlight.openflow.types.MacAddress;

/**
 * The load balancer beside the learning switch on fake switches wired as {@code linear,3,2}: h1s1,
 * h2s1 on s1, h1s2, h2s2 on s2, h1s3, h2s3 on s3 (10.0.0.1-6 in Mininet's order: h1s1 .1, h1s2 .2,
 * h1s3 .3, h2s1 .4, h2s2 .5, h2s3 .6). Servers .2, .3 and .6; the virtual MAC is host 100's, so
 * {@link Segments#tcp} frames to host 100 are addressed to the virtual IP.
 */
class LoadBalancerOnFakeNetworkTest {
    private static final IPv4Address VIP = IPv4Address.of("10.0.0.100");
    private static final MacAddress VMAC = MacAddress.of(100);

    private FakeNetwork net;
    private LoadBalancer lb;

    @BeforeEach
    void start() {
        net = FakeNetwork.start(Topologies.linear(3, 2), (topology, hosts) -> {
            lb = new LoadBalancer(topology, hosts);
            Map<String, App> apps = new LinkedHashMap<>();
            apps.put(LoadBalancer.ID, lb);
            apps.put(LearningSwitch.ID, new LearningSwitch(topology));
            return apps;
        }, Map.of(LoadBalancer.ID, new LoadBalancerConfig("10.0.0.100", VMAC.toString(),
                List.of("10.0.0.2", "10.0.0.3", "10.0.0.6"), null)));
    }

    @Test
    void theControllerAnswersArpForTheVirtualIpWithTheVirtualMac() {
        FakeHost h1 = net.host("h1s1");

        h1.send(Frames.arpRequest(h1.mac(), h1.ip(), VIP));
        net.settle();

        assertThat(h1.arpCache()).containsEntry(VIP, VMAC);
    }

    @Test
    void newConnectionsGoToEachServerInTurnAlongEntriesOfTheirOwn() {
        assertThat(net.pingAll()).isEmpty();   // the controller learns where the servers are

        for (int client : List.of(1, 4, 5)) {   // h1s1, h2s1, h2s2
            net.host(name(client)).send(Segments.tcp(client, 100, 80));
            net.settle();
        }

        assertThat(lb.view().servers()).extracting(LoadBalancer.ServerView::connections).containsExactly(1L, 1L, 1L);
        for (String server : List.of("h1s2", "h1s3", "h2s3")) {
            assertThat(net.host(server).received()).as("SYNs that reached %s", server)
                    .filteredOn(f -> Ethernet.of(f).ipv4().map(ip -> ip.protocol().equals(IpProtocol.TCP)).orElse(false))
                    .hasSize(1);
        }
        // h1s1 (s1) -> .2 (s2): s1 and s2 each way; h2s1 (s1) -> .3 (s3): three switches each way; h2s2 -> .6: s2, s3.
        assertThat(net.entries(Flows.cookie(LoadBalancer.ID))).isEqualTo(4 + 6 + 4);
    }

    @Test
    void aServerAskingForItsClientIsAnsweredByTheControllerNotByAFlood() {
        assertThat(net.pingAll()).isEmpty();   // the controller knows every host
        FakeHost server = net.host("h1s2");
        FakeHost client = net.host("h1s1");
        int other = net.host("h1s3").received().size();
        int atClient = client.received().size();

        server.send(Frames.arpRequest(server.mac(), server.ip(), client.ip()));   // to answer the SYN it was given
        net.settle();

        assertThat(server.arpCache()).containsEntry(client.ip(), client.mac());
        assertThat(net.host("h1s3").received()).as("no flood: another host never sees the question").hasSize(other);
        assertThat(client.received()).as("nor does the client").hasSize(atClient);
    }

    @Test
    void unknownServersAreAskedForFromTheVirtualIpAndTheConnectionWaits() {
        FakeHost h1 = net.host("h1s1");
        h1.send(Segments.tcp(1, 100, 80));
        net.settle();

        assertThat(lb.view().servers()).extracting(LoadBalancer.ServerView::connections).containsExactly(0L, 0L, 0L);
        assertThat(net.hostService().hostByIp(IPv4Address.of("10.0.0.2"))).as("h1s2 answered the question").isPresent();

        h1.send(Segments.tcp(1, 100, 80));   // the client's retransmission
        net.settle();
        assertThat(lb.view().servers()).extracting(LoadBalancer.ServerView::connections).containsExactly(1L, 0L, 0L);
    }

    @Test
    void theServersAreAskedForBeforeAnyClientComes() {
        net.tick();   // the load balancer's periodic round

        for (String server : List.of("10.0.0.2", "10.0.0.3", "10.0.0.6")) {
            assertThat(net.hostService().hostByIp(IPv4Address.of(server))).as(server).isPresent();
        }
        assertThat(net.host("h1s1").received()).as("a client sees the question, and nothing loops")
                .filteredOn(f -> Ethernet.of(f).arp().isPresent()).hasSize(3);
    }

    @Test
    void aConnectionsPacketThatStillReachesTheControllerGoesToTheSameServer() {
        assertThat(net.pingAll()).isEmpty();
        net.host("h1s1").send(Segments.tcp(1, 100, 80));
        net.settle();
        // As if the datapath had not taken in the new entry yet: the client's switch sends the next packet up.
        net.switchNamed("s1").table().apply(Flows.deleteByCookie(FakeSwitch.OF, Flows.cookie(LoadBalancer.ID),
                Flows.APP_COOKIE_MASK).build());

        net.host("h1s1").send(Segments.tcp(1, 100, 80));
        net.settle();

        assertThat(lb.view().servers()).extracting(LoadBalancer.ServerView::connections).containsExactly(1L, 0L, 0L);
        assertThat(net.host("h1s2").received()).filteredOn(f -> Ethernet.of(f).tcp().isPresent()).hasSize(2);
    }

    @Test
    void onARingUnderStpTheConnectionsTakeTreeCablesOnly() {
        net = FakeNetwork.start(Topologies.ring(4), (topology, hosts) -> {
            lb = new LoadBalancer(topology, hosts);
            Map<String, App> apps = new LinkedHashMap<>();
            apps.put(SpanningTree.ID, new SpanningTree(topology));
            apps.put(LoadBalancer.ID, lb);
            apps.put(LearningSwitch.ID, new LearningSwitch(topology));
            return apps;
        }, Map.of(LoadBalancer.ID, new LoadBalancerConfig("10.0.0.100", VMAC.toString(), List.of("10.0.0.4", "10.0.0.1"), null)));
        net.tick();   // stp's holds end
        assertThat(net.pingAll()).isEmpty();

        // h3 (s3) gets h4 (s4): one hop over s3-s4, but that cable is off the tree: the way is s3-s2-s1-s4.
        for (int client : List.of(3, 2)) {
            net.host("h" + client).send(Segments.tcp(client, 100, 80));
            net.settle();
        }

        assertThat(lb.view().servers()).extracting(LoadBalancer.ServerView::connections).containsExactly(1L, 1L);
        assertThat(net.host("h4").received()).filteredOn(f -> Ethernet.of(f).tcp().isPresent()).hasSize(1);
        assertThat(net.host("h1").received()).filteredOn(f -> Ethernet.of(f).tcp().isPresent()).hasSize(1);
    }

    private String name(int host) {
        return net.hosts().stream().filter(h -> h.ip().equals(IPv4Address.of("10.0.0." + host))).findFirst().orElseThrow().name();
    }
}
