package dev.flowlab.controller.topology;

import static dev.flowlab.controller.topology.TopologyLinks.dpid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.controller.api.HostInfo;
import dev.flowlab.controller.api.HostListener;
import dev.flowlab.controller.api.Link;
import dev.flowlab.controller.api.SwitchPort;
import dev.flowlab.controller.api.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.types.IPv4Address;
import org.projectfloodlight.openflow.types.MacAddress;
import org.projectfloodlight.openflow.types.OFPort;

/** Two switches, s1 port 3 linked to s2 port 3; hosts on ports 1 and 2. */
class HostTrackerTest {
    private static final MacAddress H1 = MacAddress.of("00:00:00:00:00:01");
    private static final MacAddress H2 = MacAddress.of("00:00:00:00:00:02");
    private static final IPv4Address IP1 = IPv4Address.of("10.0.0.1");
    private static final IPv4Address IP2 = IPv4Address.of("10.0.0.2");

    private final TopologyView view = new TopologyView();
    private final HostTracker tracker = new HostTracker(view);
    private final FakeSwitch s1 = new FakeSwitch(1, 3);
    private final FakeSwitch s2 = new FakeSwitch(2, 3);
    private final List<String> events = new ArrayList<>();

    @BeforeEach
    void up() {
        view.switchUp(s1);
        view.switchUp(s2);
        tracker.start(null);
        view.linkSeen(new Link(dpid(1), OFPort.of(3), dpid(2), OFPort.of(3)), System.nanoTime());
        view.linkSeen(new Link(dpid(2), OFPort.of(3), dpid(1), OFPort.of(3)), System.nanoTime());
        tracker.addListener(new HostListener() {
            @Override
            public void onHostAdded(HostInfo host) {
                events.add("added " + host.mac() + " at " + host.location());
            }

            @Override
            public void onHostMoved(HostInfo before, HostInfo after) {
                events.add("moved " + after.mac() + " to " + after.location());
            }

            @Override
            public void onHostRemoved(HostInfo host) {
                events.add("removed " + host.mac());
            }
        });
    }

    @Test
    void learnsMacAndIpFromArpOnAnEdgePortAndPassesThePacketOn() {
        Verdict v = tracker.onPacketIn(Packets.packetIn(s1, 1, Packets.arpRequest(H1, IP1, IP2)));

        assertThat(v).isEqualTo(Verdict.CONTINUE);
        HostInfo h1 = tracker.hostByMac(H1).orElseThrow();
        assertThat(h1.location()).isEqualTo(new SwitchPort(dpid(1), OFPort.of(1)));
        assertThat(h1.ips()).containsExactly(IP1);
        assertThat(tracker.hostByIp(IP1)).contains(h1);
        assertThat(tracker.hostByIp(IP2)).isEmpty();
        assertThat(events).containsExactly("added " + H1 + " at " + h1.location());
    }

    @Test
    void learnsIpFromIpv4Source() {
        tracker.onPacketIn(Packets.packetIn(s2, 2, Packets.ipv4(H2, IP2, H1, IP1)));
        assertThat(tracker.hostByIp(IP2).orElseThrow().mac()).isEqualTo(H2);
    }

    @Test
    void framesRelayedOverInterSwitchLinksTeachNothing() {
        tracker.onPacketIn(Packets.packetIn(s2, 3, Packets.arpRequest(H1, IP1, IP2)));
        assertThat(tracker.hosts()).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    void aHostSeenOnAnotherEdgePortMovedAndKeepsItsAddresses() {
        tracker.onPacketIn(Packets.packetIn(s1, 1, Packets.arpRequest(H1, IP1, IP2)));
        tracker.onPacketIn(Packets.packetIn(s2, 2, Packets.ipv4(H1, IP1, H2, IP2)));

        HostInfo h1 = tracker.hostByMac(H1).orElseThrow();
        assertThat(h1.location()).isEqualTo(new SwitchPort(dpid(2), OFPort.of(2)));
        assertThat(h1.ips()).containsExactly(IP1);
        assertThat(events).containsExactly("added " + H1 + " at " + dpid(1) + "/1", "moved " + H1 + " to " + dpid(2) + "/2");
    }

    @Test
    void anAddressTakenByAnotherMacLeavesTheOldHost() {
        tracker.onPacketIn(Packets.packetIn(s1, 1, Packets.arpRequest(H1, IP1, IP2)));
        tracker.onPacketIn(Packets.packetIn(s1, 2, Packets.arpRequest(H2, IP1, IP2)));
        assertThat(tracker.hostByIp(IP1).orElseThrow().mac()).isEqualTo(H2);
        assertThat(tracker.hostByMac(H1).orElseThrow().ips()).isEmpty();
    }

    @Test
    void broadcastAndMulticastSourcesAreNotHosts() {
        tracker.onPacketIn(Packets.packetIn(s1, 1, Packets.arpRequest(MacAddress.BROADCAST, IP1, IP2)));
        tracker.onPacketIn(Packets.packetIn(s1, 1, Packets.arpRequest(MacAddress.of("01:00:5e:00:00:01"), IP1, IP2)));
        assertThat(tracker.hosts()).isEmpty();
    }

    @Test
    void hostsOnAPortThatGoesDownOrASwitchThatGoesDownAreForgotten() {
        tracker.onPacketIn(Packets.packetIn(s1, 1, Packets.arpRequest(H1, IP1, IP2)));
        tracker.onPacketIn(Packets.packetIn(s2, 1, Packets.arpRequest(H2, IP2, IP1)));

        tracker.onPortStatus(s1, s1.setPort(1, false));
        assertThat(tracker.hostByMac(H1)).isEmpty();
        assertThat(tracker.hostByIp(IP1)).isEmpty();

        tracker.onSwitchDown(dpid(2));
        assertThat(tracker.hosts()).isEmpty();
        assertThat(events).endsWith("removed " + H1, "removed " + H2);
    }

    @Test
    void aHostLearntOnAPortLaterFoundToBeALinkIsForgotten() {
        tracker.onPacketIn(Packets.packetIn(s1, 2, Packets.arpRequest(H1, IP1, IP2)));   // before discovery saw port 2's link
        view.linkSeen(new Link(dpid(2), OFPort.of(2), dpid(1), OFPort.of(2)), System.nanoTime());
        assertThat(tracker.hosts()).isEmpty();
    }
}
