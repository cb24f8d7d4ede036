package dev.flowlab.bench.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFMessage;
import org.projectfloodlight.openflow.protocol.OFPacketIn;
import org.projectfloodlight.openflow.protocol.match.MatchField;
import org.projectfloodlight.openflow.types.OFBufferId;
import org.projectfloodlight.openflow.types.OFPort;

/** What a controller sees of one emulated switch's packet-ins: the pattern a learning switch needs. */
class PacketInTrainTest {

    @Test
    void eachHostSendsToTheNextFromItsOwnPortWithAValidIpv4Frame() throws Exception {
        int macs = 10;
        int ports = 4;
        PacketInTrain train = new PacketInTrain(2, macs, ports);
        Set<String> sources = new HashSet<>();
        Set<Integer> addresses = new HashSet<>();
        for (int host = 0; host < macs; host++) {
            OFMessage message = OFFactories.getGenericReader().readFrom(train.next(1));
            assertThat(message).isInstanceOf(OFPacketIn.class);
            OFPacketIn in = (OFPacketIn) message;
            byte[] frame = in.getData();
            assertThat(in.getBufferId()).isEqualTo(OFBufferId.NO_BUFFER);
            assertThat(in.getTotalLen()).isEqualTo(frame.length).isEqualTo(HostFrames.FRAME_LENGTH);
            assertThat(in.getMatch().get(MatchField.IN_PORT)).isEqualTo(OFPort.of(host % ports + 1));

            assertThat(slice(frame, 6, 6)).isEqualTo(HostFrames.mac(2, host));
            assertThat(slice(frame, 0, 6)).isEqualTo(HostFrames.mac(2, (host + 1) % macs));
            assertThat(frame[0] & 1).as("unicast destination").isZero();
            // the destination host lives behind another port, so a learning switch forwards rather than drops
            assertThat((host + 1) % macs % ports).isNotEqualTo(host % ports);
            assertThat(onesComplementSum(frame, 14, 20)).as("IPv4 header checksum").isEqualTo(0xffff);
            sources.add(new String(slice(frame, 6, 6), java.nio.charset.StandardCharsets.ISO_8859_1));
            addresses.add(java.nio.ByteBuffer.wrap(frame, 26, 4).getInt());
        }
        assertThat(sources).hasSize(macs);
        assertThat(addresses).hasSize(macs).doesNotContain(HostFrames.ipv4(1, macs, 9)).contains(HostFrames.ipv4(2, macs, 0));
        ByteBuf again = train.next(1);
        assertThat(((OFPacketIn) OFFactories.getGenericReader().readFrom(again)).getXid()).as("the cycle starts over").isEqualTo(1);
        train.free();
    }

    private static byte[] slice(byte[] bytes, int from, int length) {
        return java.util.Arrays.copyOfRange(bytes, from, from + length);
    }

    private static int onesComplementSum(byte[] bytes, int from, int length) {
        int sum = 0;
        for (int i = from; i < from + length; i += 2) {
            sum += ((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff);
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return sum;
    }
}
