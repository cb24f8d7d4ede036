package dev.flowlab.controller.vlan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.controller.VlanPorts;
import dev.flowlab.controller.api.Ethernet;
import dev.flowlab.controller.api.Flows;
import dev.flowlab.controller.api.VlanRole;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFFlowMod;
import org.projectfloodlight.openflow.protocol.OFMessage;
import org.projectfloodlight.openflow.protocol.OFPacketOut;
import org.projectfloodlight.openflow.protocol.OFPortDesc;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.protocol.match.MatchField;
import org.projectfloodlight.openflow.types.MacAddress;
import org.projectfloodlight.openflow.types.OFBufferId;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.OFVlanVidMatch;
import org.projectfloodlight.openflow.types.TableId;

/** The VLAN stage's rewriting of what apps send, on s1 of examples/vlans.yaml plus a QinQ port. */
class VlanStageTest {
    private static final OFFactory OF = OFFactories.getFactory(OFVersion.OF_13);
    private static final VlanPorts ROLES = new VlanPorts(Map.of(
            "s1-eth1", VlanRole.access(10), "s1-eth2", VlanRole.access(20),
            "s1-eth3", VlanRole.trunk(List.of(10, 20)), "s1-eth4", VlanRole.tunnel(100)));
    private final VlanStage stage = new VlanStage(OF, ROLES, () -> List.of(port(1), port(2), port(3), port(4), port(5)));

    private static OFPortDesc port(int n) {
        return OF.buildPortDesc().setPortNo(OFPort.of(n)).setName("s1-eth" + n).setHwAddr(MacAddress.of(n)).build();
    }

    @Test
    void aFloodInVlan10ReachesTheTrunkTaggedAndTheAccessPortUntaggedOnly() {
        byte[] tagged10 = frame(10);
        OFMessage out = stage.translate(Flows.packetOut(OF, OFPort.of(3), List.of(Flows.output(OF, OFPort.FLOOD)), tagged10)).get(0);

        // in from the trunk (3): s1-eth1 is VLAN 10's access port, s1-eth5 has no role; VLAN 20 and 100 stay out
        assertThat(((OFPacketOut) out).getActions()).containsExactly(Flows.output(OF, OFPort.of(5)),
                OF.actions().popVlan(), Flows.output(OF, OFPort.of(1)));
    }

    @Test
    void aPacketOutOfAParsedFrameTakesItsVlanFromTheViewEvenWhenTheSwitchBufferedThePacket() {
        OFPacketOut buffered = Flows.packetOutOfBuffer(OF, OFBufferId.of(7), OFPort.of(3), List.of(Flows.output(OF, OFPort.FLOOD)));

        OFPacketOut out = stage.translate(buffered, Ethernet.of(frame(10)));

        // parsing the packet-out's bytes (there are none) would take the frame for one the controller made, untagged
        assertThat(out.getActions()).containsExactly(Flows.output(OF, OFPort.of(5)),
                OF.actions().popVlan(), Flows.output(OF, OFPort.of(1)));
    }

    @Test
    void aPacketOutOfAParsedFrameIsNotParsedAgain() {
        byte[] tagged20 = frame(20);
        Ethernet view = Ethernet.of(tagged20);
        tagged20[15] = 10;   // the bytes now say VLAN 10: only a second parse would see it

        OFPacketOut out = stage.translate(Flows.packetOut(OF, OFPort.of(3), List.of(Flows.output(OF, OFPort.FLOOD)), tagged20), view);

        assertThat(out.getActions()).as("VLAN 20's access port, from the view").containsExactly(Flows.output(OF, OFPort.of(5)),
                OF.actions().popVlan(), Flows.output(OF, OFPort.of(2)));
    }

    @Test
    void aPacketOutOfOpenFlow15TakesItsIngressPortFromItsMatch() {
        OFFactory of15 = OFFactories.getFactory(OFVersion.OF_15);
        VlanStage stage15 = new VlanStage(of15, ROLES, () -> List.of(port(1), port(2), port(3), port(4), port(5)));
        OFMessage out = stage15.translate(Flows.packetOut(of15, OFPort.of(3), List.of(Flows.output(of15, OFPort.FLOOD)),
                frame(10))).get(0);

        assertThat(Flows.inPortOf((OFPacketOut) out)).isEqualTo(OFPort.of(3));
        assertThat(((OFPacketOut) out).getActions()).containsExactly(Flows.output(of15, OFPort.of(5)),
                of15.actions().popVlan(), Flows.output(of15, OFPort.of(1)));
    }

    @Test
    void anOutputOutsideTheFramesVlanIsDropped() {
        OFMessage out = stage.translate(Flows.packetOut(OF, OFPort.of(1), List.of(Flows.output(OF, OFPort.of(2))), frame(10))).get(0);

        assertThat(((OFPacketOut) out).getActions()).isEmpty();
    }

    @Test
    void aVlanBlindEntryIsInstalledOncePerVlanThatReachesItsOutputInTheAppsTable() {
        OFFlowMod add = OF.buildFlowAdd().setMatch(OF.buildMatch().setExact(MatchField.ETH_DST, MacAddress.of(7)).build())
                .setInstructions(Flows.apply(OF, Flows.output(OF, OFPort.of(3)))).build();

        List<OFMessage> copies = stage.translate(add);

        assertThat(copies).hasSize(2);  // VLAN 10 and 20 ride the trunk; untagged frames may not
        assertThat(copies).allSatisfy(m -> assertThat(((OFFlowMod) m).getTableId()).isEqualTo(VlanPipeline.APPS_TABLE));
        assertThat(copies).extracting(m -> ((OFFlowMod) m).getMatch().get(MatchField.VLAN_VID))
                .containsExactlyInAnyOrder(OFVlanVidMatch.ofVlan(10), OFVlanVidMatch.ofVlan(20));
        assertThat(copies).allSatisfy(m -> assertThat(((OFFlowMod) m).getMatch().get(MatchField.ETH_DST))
                .as("the app's own fields stay").isEqualTo(MacAddress.of(7)));
    }

    @Test
    void theServiceVlanLeavesATunnelPortPoppedAndIsPushedAs8021adWhenNeeded() {
        byte[] service = frame(100);
        OFMessage out = stage.translate(Flows.packetOut(OF, OFPort.of(5), List.of(Flows.output(OF, OFPort.of(4)),
                Flows.output(OF, OFPort.CONTROLLER)), service)).get(0);

        assertThat(((OFPacketOut) out).getActions()).containsExactly(Flows.output(OF, OFPort.CONTROLLER),
                OF.actions().popVlan(), Flows.output(OF, OFPort.of(4)));
    }

    @Test
    void aPortThatAttachesLateGetsItsIngressEntries() {
        VlanStage early = new VlanStage(OF, ROLES, List::of);   // the userspace datapath had no ports yet

        assertThat(early.baseEntries()).hasSize(3);   // LLDP, no role, the apps' table-miss
        assertThat(early.ingressEntries(port(1))).hasSize(2);   // push VLAN 10, drop tagged
        assertThat(early.ingressEntries(port(5))).isEmpty();
    }

    @Test
    void aSwitchWithoutRolesKeepsTheSingleTablePipeline() {
        VlanStage plain = new VlanStage(OF, VlanPorts.NONE, () -> List.of(port(1)));
        OFFlowMod add = OF.buildFlowAdd().setInstructions(Flows.apply(OF, Flows.output(OF, OFPort.of(1)))).build();

        assertThat(plain.translate(add)).containsExactly(add);
        assertThat(plain.baseEntries()).singleElement().satisfies(e -> assertThat(e.getTableId()).isEqualTo(TableId.ZERO));
    }

    /** An ICMP-less IPv4 stub frame with an 802.1Q tag of {@code vid}. */
    private static byte[] frame(int vid) {
        byte[] f = new byte[64];
        f[0] = 2;
        f[6] = 2;
        f[11] = 1;
        f[12] = (byte) 0x81;
        f[14] = (byte) (vid >> 8);
        f[15] = (byte) vid;
        f[16] = 0x08;
        return f;
    }
}
