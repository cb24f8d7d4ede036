package dev.flowlab.bench.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.exceptions.OFParseError;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFMessage;
import org.projectfloodlight.openflow.protocol.match.MatchField;
import org.projectfloodlight.openflow.types.OFBufferId;
import org.projectfloodlight.openflow.types.OFPort;

/** The controller's byte stream arrives cut anywhere by TCP: the scanner must find the same messages whatever the cuts. */
class MessageScannerTest {
    private static final OFFactory OF = SwitchReplies.OF13;

    @Test
    void findsTheSameMessagesWhereverTheStreamIsCut() {
        byte[] stream = encode(
                OF.buildFlowAdd().setMatch(OF.buildMatch().setExact(MatchField.IN_PORT, OFPort.of(2)).build()).build(),
                OF.buildEchoRequest().setXid(7).setData(new byte[300]).build(),
                OF.buildPacketOut().setBufferId(OFBufferId.NO_BUFFER).setInPort(OFPort.of(1)).setData(new byte[60]).build(),
                OF.buildBarrierRequest().setXid(9).build(),
                OF.buildFlowAdd().build());
        Found whole = scan(stream, stream.length);
        assertThat(whole.responses).containsExactly(14, 13, 14);
        assertThat(whole.control).containsExactly("ECHO_REQUEST xid 7 length 308", "BARRIER_REQUEST xid 9 length 8");

        for (int chunk = 1; chunk < stream.length; chunk++) {
            Found cut = scan(stream, chunk);
            assertThat(cut.responses).as("chunks of %d bytes", chunk).isEqualTo(whole.responses);
            assertThat(cut.control).as("chunks of %d bytes", chunk).isEqualTo(whole.control);
        }
    }

    @Test
    void aLengthBelowTheHeaderIsNotOpenFlow() {
        MessageScanner scanner = new MessageScanner(new Found());
        assertThatThrownBy(() -> scanner.scan(Unpooled.wrappedBuffer(new byte[] {4, 0, 0, 4, 0, 0, 0, 1})))
                .isInstanceOf(BenchException.class).hasMessageContaining("length 4 (below 8): not OpenFlow");
    }

    private static Found scan(byte[] stream, int chunk) {
        Found found = new Found();
        MessageScanner scanner = new MessageScanner(found);
        for (int at = 0; at < stream.length; at += chunk) {
            ByteBuf piece = Unpooled.wrappedBuffer(stream, at, Math.min(chunk, stream.length - at));
            scanner.scan(piece);
            assertThat(piece.isReadable()).isFalse();
        }
        return found;
    }

    private static byte[] encode(OFMessage... messages) {
        ByteBuf out = Unpooled.buffer();
        for (OFMessage m : messages) {
            m.writeTo(out);
        }
        return ByteBufUtil.getBytes(out);
    }

    private static final class Found implements MessageScanner.Sink {
        final List<Integer> responses = new ArrayList<>();
        final List<String> control = new ArrayList<>();

        @Override
        public void response(int type) {
            responses.add(type);
        }

        @Override
        public void control(ByteBuf message) {
            OFMessage parsed;
            try {
                parsed = OFFactories.getGenericReader().readFrom(message.duplicate());
            } catch (OFParseError e) {
                throw new AssertionError("not a whole message: " + ByteBufUtil.hexDump(message), e);
            }
            control.add(parsed.getType() + " xid " + parsed.getXid() + " length " + message.readableBytes());
        }
    }
}
