package dev.flowlab.controller.openflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.controller.api.FlowEntries;
import dev.flowlab.controller.testing.RawPeer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFFlowRemoved;
import org.projectfloodlight.openflow.protocol.OFFlowRemovedReason;
import org.projectfloodlight.openflow.protocol.OFFlowStatsReply;
import org.projectfloodlight.openflow.protocol.OFMessage;
import org.projectfloodlight.openflow.protocol.OFOxsList;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.protocol.match.MatchField;
import org.projectfloodlight.openflow.protocol.stat.StatField;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.U64;

/** OpenFlow 1.5 counters as Open vSwitch numbers them (the spec's) reach us with the meaning they have. */
class OxsNumberingTest {
    private static final OFFactory OF15 = OFFactories.getFactory(OFVersion.OF_15);

    @Test
    void flowStatsFromOpenVSwitchKeepTheirPacketAndByteCounts() {
        OFMessage reply = OF15.buildFlowStatsReply().setXid(5).setEntries(List.of(
                OF15.buildFlowStatsEntry().setPriority(1)
                        .setMatch(OF15.buildMatch().setExact(MatchField.IN_PORT, OFPort.of(2)).build())
                        .setStats(stats(7, 700)).build(),
                OF15.buildFlowStatsEntry().setPriority(0).setMatch(OF15.buildMatch().build())
                        .setStats(stats(3, 300)).build())).build();

        OFFlowStatsReply decoded = (OFFlowStatsReply) decode(asOpenVSwitchWritesIt(reply));

        assertThat(decoded.getEntries()).extracting(FlowEntries::packets).containsExactly(7L, 3L);
        assertThat(decoded.getEntries()).extracting(FlowEntries::bytes).containsExactly(700L, 300L);
    }

    @Test
    void aFlowRemovedFromOpenVSwitchKeepsItsCounts() {
        OFMessage removed = OF15.buildFlowRemoved().setReason(OFFlowRemovedReason.IDLE_TIMEOUT)
                .setMatch(OF15.buildMatch().setExact(MatchField.IN_PORT, OFPort.of(1)).build()).setStats(stats(9, 900)).build();

        OFFlowRemoved decoded = (OFFlowRemoved) decode(asOpenVSwitchWritesIt(removed));

        assertThat(decoded.getStats().get(StatField.PACKET_COUNT).getValue()).isEqualTo(9);
        assertThat(decoded.getStats().get(StatField.BYTE_COUNT).getValue()).isEqualTo(900);
    }

    private static org.projectfloodlight.openflow.protocol.OFStatV6 stats(long packets, long bytes) {
        return OF15.buildStatV6().setOxsFields(OFOxsList.of(OF15.oxss().packetCount(U64.of(packets)),
                OF15.oxss().byteCount(U64.of(bytes)))).build();
    }

    /** The bytes Open vSwitch sends: the spec's OXS numbers ({@link RawPeer#bytes} writes them so). */
    private static ByteBuf asOpenVSwitchWritesIt(OFMessage message) {
        return Unpooled.wrappedBuffer(RawPeer.bytes(message));
    }

    private static Object decode(ByteBuf wire) {
        EmbeddedChannel channel = new EmbeddedChannel(new OfMessageDecoder());
        channel.writeInbound(wire);
        return channel.readInbound();
    }
}
