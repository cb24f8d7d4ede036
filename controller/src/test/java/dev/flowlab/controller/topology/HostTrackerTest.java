package dev.flowlab.controller.topology;

import dev.flowlab.controller.testing.FakeSwitch;
import static dev.flowlab.controller.topology.TopologyLinks.dpid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.controller.api.AgeingTable;
import dev.flowlab.controller.api.HostInfo;
import dev.flowlab.controller.api.HostListener;
import dev.flowlab.controller.api.Link;
import dev.flowlab.controller.api.SwitchPort;
import dev.flowlab.controller.api.Verdict;
import dev.flowlab.controller.api.VlanTag;
import dev.flowlab.controller.api.VlanRole;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
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
    private final AtomicLong now = new AtomicLong();
    private final HostTracker tracker =
            new HostTracker(view, AgeingTable.DEFAULT_SIZE, AgeingTable.DEFAULT_AGEING, now::get);
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
    void theSameMacInTwoVlansIsTwoHostsNotOneThatMoves() {
        tracker.onPacketIn(Packets.packetIn(s1, 1, VlanTag.tagged(Packets.arpRequest(H1, IP1, IP2), 10)));
        tracker.onPacketIn(Packets.packetIn(s2, 2, VlanTag.tagged(Packets.arpRequest(H1, IP1, IP2), 20)));

        assertThat(tracker.hosts()).hasSize(2);
        assertThat(tracker.hostByMac(10, H1).orElseThrow().location()).isEqualTo(new SwitchPort(dpid(1), OFPort.of(1)));
        assertThat(tracker.hostByMac(20, H1).orElseThrow().location()).isEqualTo(new SwitchPort(dpid(2), OFPort.of(2)));
        assertThat(tracker.hostByMac(HostInfo.UNTAGGED, H1)).isEmpty();
        assertThat(tracker.hostByMac(H1).orElseThrow().vlan()).as("without a VLAN: the lowest").isEqualTo(10);
        assertThat(events).containsExactly("added " + H1 + " at " + new SwitchPort(dpid(1), OFPort.of(1)),
                "added " + H1 + " at " + new SwitchPort(dpid(2), OFPort.of(2)));
    }

    @Test
    void twoVlansMayUseTheSameAddressEachForItsOwnHost() {
        tracker.onPacketIn(Packets.packetIn(s1, 1, VlanTag.tagged(Packets.arpRequest(H1, IP1, IP2), 10)));
        tracker.onPacketIn(Packets.packetIn(s1, 2, VlanTag.tagged(Packets.arpRequest(H2, IP1, IP2), 20)));

        assertThat(tracker.hostByIp(10, IP1).orElseThrow().mac()).isEqualTo(H1);
        assertThat(tracker.hostByIp(20, IP1).orElseThrow().mac()).isEqualTo(H2);
        assertThat(tracker.hostByMac(10, H1).orElseThrow().ips()).as("not taken by VLAN 20's host").containsExactly(IP1);
    }

    @Test
    void aHostInAVlanGoesWithItsPort() {
        tracker.onPacketIn(Packets.packetIn(s1, 1, VlanTag.tagged(Packets.arpRequest(H1, IP1, IP2), 10)));
        tracker.onPacketIn(Packets.packetIn(s2, 1, VlanTag.tagged(Packets.arpRequest(H1, IP1, IP2), 20)));

        tracker.onSwitchDown(dpid(1));

        assertThat(tracker.hostByMac(10, H1)).isEmpty();
        assertThat(tracker.hostByIp(10, IP1)).isEmpty();
        assertThat(tracker.hostByIp(IP1).orElseThrow().vlan()).isEqualTo(20);
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
    void threeHundredThousandSourceMacsLeaveTheTableAtItsCap() {
        for (int i = 0; i < 300_000; i++) {
            tracker.onPacketIn(Packets.packetIn(s1, 1 + i % 2, Packets.ipv4(MacAddress.of(0x10_0000L + i),
                    IPv4Address.of(0x0b00_0000 + i), H2, IP2)));
        }

        assertThat(tracker.hosts()).hasSize(AgeingTable.DEFAULT_SIZE);
        assertThat(tracker.hostByMac(MacAddress.of(0x10_0000L + 299_999))).as("the newest").isPresent();
        assertThat(tracker.hostByMac(MacAddress.of(0x10_0000L))).as("the oldest made room").isEmpty();
        assertThat(tracker.hostByIp(IPv4Address.of(0x0b00_0000))).isEmpty();
        assertThat(events).hasSize(300_000 + 300_000 - AgeingTable.DEFAULT_SIZE);   // every one added, all but the cap removed
    }

    @Test
    void aHostNotHeardFromForTheAgeingTimeIsForgottenAndTheListenersHear() {
        tracker.onPacketIn(Packets.packetIn(s1, 1, Packets.arpRequest(H1, IP1, IP2)));
        now.addAndGet(Duration.ofSeconds(200).toNanos());
        tracker.onPacketIn(Packets.packetIn(s1, 1, Packets.arpRequest(H1, IP1, IP2)));   // heard again at 200 s
        tracker.onPacketIn(Packets.packetIn(s1, 2, Packets.arpRequest(H2, IP2, IP1)));

        now.addAndGet(Duration.ofSeconds(299).toNanos());
        tracker.onPacketIn(Packets.packetIn(s1, 2, Packets.arpRequest(H2, IP2, IP1)));
        assertThat(tracker.hostByMac(H1)).as("299 s after its last packet").isPresent();

        now.addAndGet(Duration.ofSeconds(1).toNanos());
        tracker.onPacketIn(Packets.packetIn(s1, 2, Packets.arpRequest(H2, IP2, IP1)));   // any packet-in sweeps
        assertThat(tracker.hostByMac(H1)).isEmpty();
        assertThat(tracker.hostByIp(IP1)).isEmpty();
        assertThat(tracker.hosts()).extracting(HostInfo::mac).containsExactly(H2);
        assertThat(events).endsWith("removed " + H1);
    }

    @Test
    void aHostKeepsAtMostSixteenAddresses() {
        for (int i = 1; i <= 100; i++) {
            tracker.onPacketIn(Packets.packetIn(s1, 1, Packets.ipv4(H1, IPv4Address.of(0x0a00_0000 + i), H2, IP2)));
        }
        assertThat(tracker.hostByMac(H1).orElseThrow().ips()).hasSize(HostTracker.MAX_IPS_PER_HOST)
                .contains(IPv4Address.of(0x0a00_0000 + 100));
        long indexed = java.util.stream.IntStream.rangeClosed(1, 100)
                .filter(i -> tracker.hostByIp(IPv4Address.of(0x0a00_0000 + i)).isPresent()).count();
        assertThat(indexed).isEqualTo(HostTracker.MAX_IPS_PER_HOST);
    }

    @Test
    void aHostLearntOnAPortLaterFoundToBeALinkIsForgotten() {
        tracker.onPacketIn(Packets.packetIn(s1, 2, Packets.arpRequest(H1, IP1, IP2)));   // before discovery saw port 2's link
        view.linkSeen(new Link(dpid(2), OFPort.of(2), dpid(1), OFPort.of(2)), System.nanoTime());
        assertThat(tracker.hosts()).isEmpty();
    }

    /**
     * QinQ as in examples/qinq.yaml: customer switches c1 (dpid 11) and c3 (dpid 13) put their hosts (port 1) in VLAN
     * 10 and reach provider switch p1 (dpid 15) over trunks of VLAN 10 (port 2), into p1's tunnel ports of service VLAN
     * 100 (port 1) and 200 (port 2). Customer A's h1 and customer B's h3 use the same MAC and address.
     */
    @Test
    void qinqCustomersWithTheSameMacInTheSameVlanAreTwoHostsTellApartByTheirServiceVlan() {
        TopologyView qinq = new TopologyView();
        FakeSwitch c1 = new FakeSwitch(11, 2);
        FakeSwitch c3 = new FakeSwitch(13, 2);
        FakeSwitch p1 = new FakeSwitch(15, 3);
        java.util.Map<SwitchPort, VlanRole> roles = java.util.Map.of(
                new SwitchPort(dpid(11), OFPort.of(1)), VlanRole.access(10), new SwitchPort(dpid(11), OFPort.of(2)), VlanRole.trunk(List.of(10)),
                new SwitchPort(dpid(13), OFPort.of(1)), VlanRole.access(10), new SwitchPort(dpid(13), OFPort.of(2)), VlanRole.trunk(List.of(10)),
                new SwitchPort(dpid(15), OFPort.of(1)), VlanRole.tunnel(100), new SwitchPort(dpid(15), OFPort.of(2)), VlanRole.tunnel(200),
                new SwitchPort(dpid(15), OFPort.of(3)), VlanRole.trunk(List.of(100, 200)));
        HostTracker hosts = new HostTracker(qinq, (d, p) -> roles.getOrDefault(new SwitchPort(d, p), VlanRole.NONE),
                AgeingTable.DEFAULT_SIZE, AgeingTable.DEFAULT_AGEING, now::get);
        List.of(c1, c3, p1).forEach(qinq::switchUp);
        hosts.start(null);
        for (long[] cable : new long[][] {{11, 2, 15, 1}, {13, 2, 15, 2}}) {
            Link link = new Link(dpid(cable[0]), OFPort.of((int) cable[1]), dpid(cable[2]), OFPort.of((int) cable[3]));
            qinq.linkSeen(link, System.nanoTime());
            qinq.linkSeen(link.reversed(), System.nanoTime());
        }
        List<String> seen = new ArrayList<>();
        hosts.addListener(new HostListener() {
            @Override
            public void onHostMoved(HostInfo before, HostInfo after) {
                seen.add("moved " + after.mac() + " to " + after.location());
            }
        });

        hosts.onPacketIn(Packets.packetIn(c1, 1, VlanTag.tagged(Packets.arpRequest(H1, IP1, IP2), 10)));   // as the VLAN stage tagged it
        hosts.onPacketIn(Packets.packetIn(c3, 1, VlanTag.tagged(Packets.arpRequest(H1, IP1, IP2), 10)));

        assertThat(seen).as("two customers' hosts, not one that moves").isEmpty();
        assertThat(hosts.hosts()).extracting(HostInfo::dpid, HostInfo::vlan, HostInfo::serviceVlan)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(dpid(11), 10, 100),
                        org.assertj.core.groups.Tuple.tuple(dpid(13), 10, 200));
        assertThat(hosts.hostByMac(dpid(11), 10, H1).orElseThrow().dpid()).as("asked from customer A's switch").isEqualTo(dpid(11));
        assertThat(hosts.hostByMac(dpid(13), 10, H1).orElseThrow().dpid()).as("asked from customer B's switch").isEqualTo(dpid(13));
        assertThat(hosts.hostByIp(dpid(13), 10, IP1).orElseThrow().dpid()).isEqualTo(dpid(13));
        assertThat(hosts.hostByMac(dpid(15), 100, H1)).as("p1's VLAN 100 is no customer VLAN").isEmpty();

        qinq.portDown(new SwitchPort(dpid(13), OFPort.of(2)));   // c3 cut off from the provider: its VLAN 10 is its own now
        assertThat(hosts.hosts()).extracting(HostInfo::dpid).containsExactly(dpid(11));
        hosts.onPacketIn(Packets.packetIn(c3, 1, VlanTag.tagged(Packets.arpRequest(H1, IP1, IP2), 10)));
        assertThat(hosts.hostByMac(dpid(13), 10, H1).orElseThrow().serviceVlan()).isEqualTo(HostInfo.UNTAGGED);
        assertThat(hosts.hostByMac(dpid(11), 10, H1).orElseThrow().serviceVlan()).isEqualTo(100);
    }
}
