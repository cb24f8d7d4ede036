package dev.flowlab.controller.openflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.CorruptedFrameException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.protocol.OFEchoRequest;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFMessage;
import org.projectfloodlight.openflow.protocol.OFVersion;

/** Framing and encoding on an {@link EmbeddedChannel}: no sockets, no mocks. */
class OfCodecTest {
    private static final OFFactory OF13 = OFFactories.getFactory(OFVersion.OF_13);

    private static byte[] bytes(OFMessage... messages) {
        ByteBuf buf = Unpooled.buffer();
        for (OFMessage m : messages) {
            m.writeTo(buf);
        }
        byte[] out = new byte[buf.readableBytes()];
        buf.readBytes(out);
        return out;
    }

    private static List<Object> inbound(EmbeddedChannel channel) {
        List<Object> out = new ArrayList<>();
        for (Object m; (m = channel.readInbound()) != null; ) {
            out.add(m);
        }
        return out;
    }

    @Test
    void messageSplitAcrossReadsIsJoined() {
        EmbeddedChannel channel = new EmbeddedChannel(new OfMessageDecoder());
        OFEchoRequest echo = OF13.buildEchoRequest().setData(new byte[] {1, 2, 3, 4, 5}).build();
        byte[] wire = bytes(echo);

        channel.writeInbound(Unpooled.wrappedBuffer(wire, 0, 5));
        assertThat(inbound(channel)).isEmpty();
        channel.writeInbound(Unpooled.wrappedBuffer(wire, 5, wire.length - 5));

        assertThat(inbound(channel)).containsExactly(echo);
    }

    @Test
    void severalMessagesInOneReadAreSplit() {
        EmbeddedChannel channel = new EmbeddedChannel(new OfMessageDecoder());
        OFMessage hello = OF13.buildHello().build();
        OFMessage barrier = OF13.buildBarrierRequest().build();
        OFMessage echo = OF13.buildEchoRequest().build();

        channel.writeInbound(Unpooled.wrappedBuffer(bytes(hello, barrier, echo)));

        assertThat(inbound(channel)).containsExactly(hello, barrier, echo);
    }

    @Test
    void lengthBelowHeaderSizeIsMalformedAndTheRestIsDiscarded() {
        EmbeddedChannel channel = new EmbeddedChannel(new OfMessageDecoder());

        assertThatThrownBy(() -> channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {4, 2, 0, 4, 0, 0, 0, 0, 9, 9})))
                .isInstanceOf(CorruptedFrameException.class)
                .hasMessageContaining("bad length 4");
        channel.writeInbound(Unpooled.wrappedBuffer(bytes(OF13.buildHello().build())));
        assertThat(inbound(channel)).isEmpty();
    }

    @Test
    void messagesBeforeGarbageStillArrive() {
        EmbeddedChannel channel = new EmbeddedChannel(new OfMessageDecoder());
        OFMessage hello = OF13.buildHello().build();
        byte[] good = bytes(hello);
        byte[] both = new byte[good.length + 8];
        System.arraycopy(good, 0, both, 0, good.length);
        System.arraycopy(new byte[] {4, (byte) 250, 0, 8, 0, 0, 0, 0}, 0, both, good.length, 8);

        assertThatThrownBy(() -> channel.writeInbound(Unpooled.wrappedBuffer(both))).hasMessageContaining("type 250");
        assertThat(inbound(channel)).containsExactly(hello);
    }

    @Test
    void helloOfAnUnknownVersionIsPassedUpForTheHandshakeToRefuse() {
        EmbeddedChannel channel = new EmbeddedChannel(new OfMessageDecoder());

        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {7, 0, 0, 8, 0, 0, 0, 42}));

        assertThat(inbound(channel)).containsExactly(new ForeignHello(7, 42));
    }

    @Test
    void otherMessageOfAnUnknownVersionIsMalformed() {
        EmbeddedChannel channel = new EmbeddedChannel(new OfMessageDecoder());

        assertThatThrownBy(() -> channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {7, 2, 0, 8, 0, 0, 0, 42})))
                .hasMessageContaining("unknown OpenFlow version 7");
    }

    @Test
    void writesOfOneBatchLeaveAsOneBufferOnFlush() {
        EmbeddedChannel channel = new EmbeddedChannel(new OfMessageEncoder());
        OFMessage a = OF13.buildBarrierRequest().build();
        OFMessage b = OF13.buildEchoRequest().setData(new byte[] {7}).build();

        channel.write(a, channel.voidPromise());
        channel.write(b, channel.voidPromise());
        assertThat((Object) channel.readOutbound()).isNull();
        channel.flush();

        ByteBuf out = channel.readOutbound();
        assertThat((Object) channel.readOutbound()).isNull();
        byte[] wire = new byte[out.readableBytes()];
        out.readBytes(wire);
        out.release();
        assertThat(wire).isEqualTo(bytes(a, b));
    }

    @Test
    void encodedBytesDecodeBackToTheSameMessages() {
        EmbeddedChannel encoder = new EmbeddedChannel(new OfMessageEncoder());
        EmbeddedChannel decoder = new EmbeddedChannel(new OfMessageDecoder());
        List<OFMessage> sent = List.of(OF13.buildHello().build(), OF13.buildFeaturesRequest().build(),
                OF13.buildPacketOut().setData(new byte[64]).build());

        sent.forEach(m -> encoder.write(m, encoder.voidPromise()));
        encoder.flush();
        for (Object buf; (buf = encoder.readOutbound()) != null; ) {
            decoder.writeInbound(buf);
        }

        assertThat(inbound(decoder)).containsExactlyElementsOf(sent);
    }
}
