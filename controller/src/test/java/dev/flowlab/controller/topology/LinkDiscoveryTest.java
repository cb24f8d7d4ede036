package dev.flowlab.controller.topology;

import dev.flowlab.controller.testing.FakeSwitch;
import static dev.flowlab.controller.topology.TopologyLinks.dpid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.controller.api.Link;
import dev.flowlab.controller.api.SwitchPort;
import dev.flowlab.controller.api.TopologyListener;
import dev.flowlab.controller.api.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.protocol.OFFlowAdd;
import org.projectfloodlight.openflow.protocol.OFMessage;
import org.projectfloodlight.openflow.protocol.OFPacketOut;
import org.projectfloodlight.openflow.protocol.action.OFActionOutput;
import org.projectfloodlight.openflow.protocol.match.MatchField;
import org.projectfloodlight.openflow.types.EthType;
import org.projectfloodlight.openflow.types.IPv4Address;
import org.projectfloodlight.openflow.types.MacAddress;
import org.projectfloodlight.openflow.types.OFPort;

/**
 * Discovery on fake switches wired as a triangle: s1 port 2 - s2 port 2, s2 port 3 - s3 port 2,
 * s3 port 3 - s1 port 3; port 1 of each has a host. Probes a switch sends are delivered, as the
 * wire would, to the switch at the other end.
 */
class LinkDiscoveryTest {
    private final TopologyView view = new TopologyView();
    private final LinkDiscovery discovery = new LinkDiscovery(view,
            LldpProbe.withRandomSecret(Duration.ofSeconds(5)), Duration.ofSeconds(1), Duration.ofSeconds(5), null);
    private final FakeSwitch s1 = new FakeSwitch(1, 3);
    private final FakeSwitch s2 = new FakeSwitch(2, 3);
    private final FakeSwitch s3 = new FakeSwitch(3, 3);
    private final Map<SwitchPort, SwitchPort> wires = Map.of(
            end(1, 2), end(2, 2), end(2, 2), end(1, 2),
            end(2, 3), end(3, 2), end(3, 2), end(2, 3),
            end(3, 3), end(1, 3), end(1, 3), end(3, 3));
    private final List<String> events = new ArrayList<>();

    @BeforeEach
    void up() {
        view.addListener(new TopologyListener() {
            @Override
            public void onLinkUp(Link link) {
                events.add("up " + link);
            }

            @Override
            public void onLinkDown(Link link) {
                events.add("down " + link);
            }
        });
        List.of(s1, s2, s3).forEach(discovery::onSwitchUp);
    }

    @Test
    void switchUpInstallsTheLldpEntryAndProbesEveryPort() {
        OFFlowAdd lldp = (OFFlowAdd) s1.sent().get(0);
        assertThat(lldp.getMatch().get(MatchField.ETH_TYPE)).isEqualTo(EthType.LLDP);
        assertThat(lldp.getPriority()).isGreaterThan(1000);
        assertThat(probes(s1)).extracting(p -> outPort(p)).containsExactly(OFPort.of(1), OFPort.of(2), OFPort.of(3));
    }

    @Test
    void probesArrivingElsewhereBecomeLinksBothWays() {
        deliverProbes();

        assertThat(view.links()).hasSize(6).contains(
                new Link(dpid(1), OFPort.of(2), dpid(2), OFPort.of(2)),
                new Link(dpid(2), OFPort.of(2), dpid(1), OFPort.of(2)));
        assertThat(view.isEdgePort(dpid(1), OFPort.of(1))).isTrue();
        assertThat(view.isEdgePort(dpid(1), OFPort.of(2))).isFalse();
        assertThat(events).hasSize(6).allMatch(e -> e.startsWith("up "));
    }

    @Test
    void seeingALinkAgainIsNoEvent() {
        deliverProbes();
        events.clear();
        discovery.round();
        deliverProbes();
        assertThat(events).isEmpty();
    }

    @Test
    void lldpIsConsumedAndOtherFramesPassOn() {
        byte[] probe = probes(s1).get(1).getData();
        byte[] arp = Packets.arpRequest(MacAddress.of(1), IPv4Address.of("10.0.0.1"), IPv4Address.of("10.0.0.2"));
        assertThat(discovery.onPacketIn(Packets.packetIn(s2, 2, probe))).isEqualTo(Verdict.HANDLED);
        assertThat(discovery.onPacketIn(Packets.packetIn(s2, 1, arp))).isEqualTo(Verdict.CONTINUE);
    }

    @Test
    void portDownRemovesBothDirectionsAtOnce() {
        deliverProbes();
        events.clear();

        discovery.onPortStatus(s1, s1.setPort(2, false));

        assertThat(view.links()).hasSize(4).noneMatch(l -> l.touches(end(1, 2)));
        assertThat(events).containsExactlyInAnyOrder("down " + new Link(dpid(1), OFPort.of(2), dpid(2), OFPort.of(2)),
                "down " + new Link(dpid(2), OFPort.of(2), dpid(1), OFPort.of(2)));
        assertThat(view.broadcastPorts(dpid(1))).doesNotContain(OFPort.of(2));
    }

    @Test
    void switchDownRemovesItsLinks() {
        deliverProbes();
        discovery.onSwitchDown(dpid(3));
        assertThat(view.links()).containsExactlyInAnyOrder(
                new Link(dpid(1), OFPort.of(2), dpid(2), OFPort.of(2)),
                new Link(dpid(2), OFPort.of(2), dpid(1), OFPort.of(2)));
        assertThat(view.switches()).containsExactlyInAnyOrder(dpid(1), dpid(2));
    }

    @Test
    void linksExpireWhenProbesStopArriving() {
        long t0 = System.nanoTime();
        for (OFPacketOut p : probes(s1)) {
            SwitchPort to = wires.get(new SwitchPort(s1.id(), outPort(p)));
            if (to != null) {
                view.linkSeen(new Link(s1.id(), outPort(p), to.dpid(), to.port()), t0);
            }
        }
        assertThat(view.links()).hasSize(2);
        view.expire(t0 + Duration.ofSeconds(4).toNanos(), Duration.ofSeconds(5).toNanos());
        assertThat(view.links()).hasSize(2);
        view.expire(t0 + Duration.ofSeconds(6).toNanos(), Duration.ofSeconds(5).toNanos());
        assertThat(view.links()).isEmpty();
    }

    @Test
    void broadcastPortsSkipOneCableOfTheTriangle() {
        deliverProbes();
        // tree from s1: s1-s2 and s1-s3; the s2-s3 cable is left out
        assertThat(view.broadcastPorts(dpid(1))).containsExactlyInAnyOrder(OFPort.of(1), OFPort.of(2), OFPort.of(3));
        assertThat(view.broadcastPorts(dpid(2))).containsExactlyInAnyOrder(OFPort.of(1), OFPort.of(2));
        assertThat(view.broadcastPorts(dpid(3))).containsExactlyInAnyOrder(OFPort.of(1), OFPort.of(3));
        assertThat(view.broadcastTree()).hasSize(4);
    }

    @Test
    void edgePortsAreTheUpPortsWithoutALink() {
        deliverProbes();
        assertThat(view.edgePorts()).containsExactly(end(1, 1), end(2, 1), end(3, 1));
        discovery.onPortStatus(s2, s2.setPort(1, false));
        assertThat(view.edgePorts()).containsExactly(end(1, 1), end(3, 1));
    }

    @Test
    void aRewiredPortReplacesItsOldLink() {
        deliverProbes();
        long now = System.nanoTime();
        view.linkSeen(new Link(dpid(1), OFPort.of(2), dpid(3), OFPort.of(1)), now);   // s1 port 2 now reaches s3 port 1
        assertThat(view.links()).doesNotContain(new Link(dpid(1), OFPort.of(2), dpid(2), OFPort.of(2)))
                .contains(new Link(dpid(1), OFPort.of(2), dpid(3), OFPort.of(1)));
    }

    @Test
    void aProbeFromASwitchThatIsGoneMakesNoLink() {
        byte[] probe = probes(s1).get(1).getData();
        discovery.onSwitchDown(dpid(1));
        discovery.onPacketIn(Packets.packetIn(s2, 2, probe));
        assertThat(view.links()).isEmpty();
    }

    /** Delivers every probe sent so far across its wire, as a packet-in at the far switch. */
    private void deliverProbes() {
        Map<Long, FakeSwitch> byDpid = Map.of(1L, s1, 2L, s2, 3L, s3);
        for (FakeSwitch sw : List.of(s1, s2, s3)) {
            for (OFPacketOut p : probes(sw)) {
                SwitchPort to = wires.get(new SwitchPort(sw.id(), outPort(p)));
                if (to != null) {
                    discovery.onPacketIn(Packets.packetIn(byDpid.get(to.dpid().getLong()), to.port().getPortNumber(),
                            p.getData()));
                }
            }
            sw.clearSent();
        }
        assertThat(Set.copyOf(view.links())).isNotEmpty();
    }

    private static List<OFPacketOut> probes(FakeSwitch sw) {
        List<OFPacketOut> out = new ArrayList<>();
        for (OFMessage m : sw.sent()) {
            if (m instanceof OFPacketOut p) {
                out.add(p);
            }
        }
        return out;
    }

    private static OFPort outPort(OFPacketOut p) {
        return ((OFActionOutput) p.getActions().get(0)).getPort();
    }

    private static SwitchPort end(long dpid, int port) {
        return new SwitchPort(dpid(dpid), OFPort.of(port));
    }
}
