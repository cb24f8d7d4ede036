package dev.flowlab.controller.openflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFMessage;
import org.projectfloodlight.openflow.protocol.OFPacketIn;
import org.projectfloodlight.openflow.protocol.OFPacketInReason;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.protocol.match.Match;
import org.projectfloodlight.openflow.protocol.match.MatchField;
import org.projectfloodlight.openflow.types.EthType;
import org.projectfloodlight.openflow.types.OFBufferId;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.TableId;
import org.projectfloodlight.openflow.types.U64;

/** The packet-in fast path reads exactly what openflowj reads, or steps aside. */
class PacketInDecoderTest {
    private static final OFFactory OF13 = OFFactories.getFactory(OFVersion.OF_13);

    private static ByteBuf wire(OFMessage message) {
        ByteBuf buf = Unpooled.buffer();
        message.writeTo(buf);
        return buf;
    }

    private static OFPacketIn packetIn(Match match, OFBufferId buffer, OFPacketInReason reason, int dataLength) {
        byte[] data = new byte[dataLength];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7);
        }
        return OF13.buildPacketIn().setXid(0xfedc_ba98L).setBufferId(buffer).setTotalLen(dataLength + 3).setReason(reason)
                .setTableId(TableId.of(3)).setCookie(U64.of(0x8000_0000_0000_0001L)).setMatch(match).setData(data).build();
    }

    private static Match inPort(int port) {
        return OF13.buildMatch().setExact(MatchField.IN_PORT, OFPort.of(port)).build();
    }

    @Test
    void readsTableMissPacketInsExactlyAsOpenflowjDoes() throws Exception {
        for (OFPacketIn original : List.of(
                packetIn(inPort(1), OFBufferId.NO_BUFFER, OFPacketInReason.NO_MATCH, 60),
                packetIn(inPort(4095), OFBufferId.of(42), OFPacketInReason.ACTION, 1500),
                packetIn(inPort(17), OFBufferId.NO_BUFFER, OFPacketInReason.INVALID_TTL, 0))) {
            ByteBuf buf = wire(original);

            OFPacketIn fast = PacketInDecoder.decode(buf, 0, buf.readableBytes());

            assertThat(fast).isEqualTo(original).isEqualTo(OFFactories.getGenericReader().readFrom(buf));
            assertThat(fast.getXid()).isEqualTo(original.getXid());
        }
    }

    @Test
    void readsOpenFlow14And15PacketInsToo() throws Exception {
        for (OFVersion version : List.of(OFVersion.OF_14, OFVersion.OF_15)) {
            OFFactory of = OFFactories.getFactory(version);
            OFPacketIn original = of.buildPacketIn().setXid(7).setBufferId(OFBufferId.NO_BUFFER).setTotalLen(60)
                    .setReason(OFPacketInReason.NO_MATCH).setTableId(TableId.of(0)).setCookie(U64.ZERO)
                    .setMatch(of.buildMatch().setExact(MatchField.IN_PORT, OFPort.of(2)).build()).setData(new byte[60]).build();
            ByteBuf buf = wire(original);

            OFPacketIn fast = PacketInDecoder.decode(buf, 0, buf.readableBytes());

            assertThat(fast).isEqualTo(original).isEqualTo(OFFactories.getGenericReader().readFrom(buf));
            assertThat(fast.getVersion()).isEqualTo(version);
        }
        assertThat(PacketInDecoder.handles(OFVersion.OF_10.getWireVersion(), 10)).isFalse();   // 1.0's layout differs
    }

    @Test
    void sharesOneMatchPerPort() {
        ByteBuf a = wire(packetIn(inPort(2), OFBufferId.NO_BUFFER, OFPacketInReason.NO_MATCH, 20));
        ByteBuf b = wire(packetIn(inPort(2), OFBufferId.NO_BUFFER, OFPacketInReason.NO_MATCH, 30));

        assertThat(PacketInDecoder.decode(a, 0, a.readableBytes()).getMatch())
                .isSameAs(PacketInDecoder.decode(b, 0, b.readableBytes()).getMatch());
    }

    @Test
    void leavesOtherShapesToOpenflowj() {
        Match richer = OF13.buildMatch().setExact(MatchField.IN_PORT, OFPort.of(1)).setExact(MatchField.ETH_TYPE, EthType.IPv4).build();
        for (OFPacketIn other : List.of(
                packetIn(richer, OFBufferId.NO_BUFFER, OFPacketInReason.NO_MATCH, 60),
                packetIn(inPort(5000), OFBufferId.NO_BUFFER, OFPacketInReason.NO_MATCH, 60))) {
            ByteBuf buf = wire(other);
            assertThat(PacketInDecoder.decode(buf, 0, buf.readableBytes())).isNull();
        }
        ByteBuf unknownReason = wire(packetIn(inPort(1), OFBufferId.NO_BUFFER, OFPacketInReason.NO_MATCH, 60));
        unknownReason.setByte(14, 9);
        assertThat(PacketInDecoder.decode(unknownReason, 0, unknownReason.readableBytes())).isNull();
    }

    @Test
    void theDecoderGivesTheSameMessageEitherWay() {
        var channel = new io.netty.channel.embedded.EmbeddedChannel(new OfMessageDecoder());
        OFPacketIn common = packetIn(inPort(3), OFBufferId.NO_BUFFER, OFPacketInReason.NO_MATCH, 64);
        OFPacketIn rare = packetIn(inPort(9000), OFBufferId.NO_BUFFER, OFPacketInReason.NO_MATCH, 64);

        channel.writeInbound(wire(common), wire(rare));

        assertThat((Object) channel.readInbound()).isEqualTo(common);
        assertThat((Object) channel.readInbound()).isEqualTo(rare);
    }
}
