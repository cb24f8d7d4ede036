package dev.flowlab.controller.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.controller.testing.Frames;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.protocol.OFBarrierReply;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFMessage;
import org.projectfloodlight.openflow.protocol.OFPacketIn;
import org.projectfloodlight.openflow.protocol.OFPacketInReason;
import org.projectfloodlight.openflow.protocol.OFPacketOut;
import org.projectfloodlight.openflow.protocol.OFPortDesc;
import org.projectfloodlight.openflow.protocol.OFStatsReply;
import org.projectfloodlight.openflow.protocol.OFStatsRequest;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.protocol.action.OFActionOutput;
import org.projectfloodlight.openflow.protocol.match.MatchField;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.OFBufferId;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.U64;

/**
 * Packet-outs made from a packet-in (buffer id when the switch buffered the packet, the bytes
 * otherwise) and of frames the controller made.
 */
class PacketInTest {
    private static final OFFactory OF13 = OFFactories.getFactory(OFVersion.OF_13);
    private final byte[] frame = Frames.ping(1, 2, 0x0a000001, 0x0a000002);
    private final List<OFMessage> sent = new ArrayList<>();
    private final List<Ethernet> views = new ArrayList<>();
    private final Switch sw = new Switch() {
        public DatapathId id() { return DatapathId.of(1); }
        public List<OFPortDesc> ports() { return List.of(); }
        public Optional<OFPortDesc> port(OFPort number) { return Optional.empty(); }
        public OFFactory factory() { return OF13; }
        public void send(OFMessage message) { sent.add(message); }
        public void sendPacketOut(OFPacketOut out, Ethernet view) { sent.add(out); views.add(view); }
        public CompletableFuture<OFBarrierReply> barrier() { return new CompletableFuture<>(); }
        public <R extends OFStatsReply> CompletableFuture<List<R>> request(OFStatsRequest<R> r) { return new CompletableFuture<>(); }
        public boolean isConnected() { return true; }
        public InetSocketAddress remoteAddress() { return new InetSocketAddress(0); }
    };

    private OFPacketIn packetIn(OFBufferId buffer) {
        return OF13.buildPacketIn().setBufferId(buffer).setReason(OFPacketInReason.NO_MATCH)
                .setMatch(OF13.buildMatch().setExact(MatchField.IN_PORT, OFPort.of(3)).build())
                .setTotalLen(frame.length).setData(frame).build();
    }

    private OFPacketOut onlyPacketOut() {
        assertThat(sent).hasSize(1);
        return (OFPacketOut) sent.get(0);
    }

    @Test
    void unbufferedPacketGoesBackWithItsBytes() {
        new PacketIn(sw, packetIn(OFBufferId.NO_BUFFER)).forward(OFPort.of(2));

        OFPacketOut out = onlyPacketOut();
        assertThat(out.getBufferId()).isEqualTo(OFBufferId.NO_BUFFER);
        assertThat(out.getData()).isEqualTo(frame);
        assertThat(out.getInPort()).isEqualTo(OFPort.of(3));
        assertThat(out.getActions()).containsExactly(OF13.actions().output(OFPort.of(2), 0xffff));
    }

    @Test
    void bufferedPacketIsReleasedByBufferIdWithoutBytes() {
        new PacketIn(sw, packetIn(OFBufferId.of(77))).forward(OFPort.of(2));

        OFPacketOut out = onlyPacketOut();
        assertThat(out.getBufferId()).isEqualTo(OFBufferId.of(77));
        assertThat(out.getData()).isEmpty();
    }

    @Test
    void floodOutputsToFloodFromTheIngressPort() {
        new PacketIn(sw, packetIn(OFBufferId.NO_BUFFER)).flood();

        OFPacketOut out = onlyPacketOut();
        assertThat(((OFActionOutput) out.getActions().get(0)).getPort()).isEqualTo(OFPort.FLOOD);
        assertThat(out.getInPort()).isEqualTo(OFPort.of(3));
    }

    @Test
    void aFrameTheControllerMadeGoesOutAsFromTheControllerPort() {
        sw.sendFrame(frame, OFPort.of(4));

        OFPacketOut out = onlyPacketOut();
        assertThat(out.getBufferId()).isEqualTo(OFBufferId.NO_BUFFER);
        assertThat(out.getInPort()).isEqualTo(OFPort.CONTROLLER);
        assertThat(out.getData()).isEqualTo(frame);
        assertThat(out.getActions()).containsExactly(OF13.actions().output(OFPort.of(4), 0xffff));
    }

    @Test
    void frameIsParsedOnceAndShared() {
        PacketIn in = new PacketIn(sw, packetIn(OFBufferId.NO_BUFFER));

        assertThat(in.ethernet()).isSameAs(in.ethernet());
        assertThat(in.ethernet().bytes()).isSameAs(in.message().getData());
        assertThat(in.inPort()).isEqualTo(OFPort.of(3));
    }

    @Test
    void aPacketOutOfAFrameAnAppParsedCarriesTheParsedViewSoTheVlanStageNeedNotParseItAgain() {
        PacketIn in = new PacketIn(sw, packetIn(OFBufferId.NO_BUFFER));
        Ethernet parsed = in.ethernet();

        in.forward(OFPort.of(2));

        assertThat(onlyPacketOut().getData()).isEqualTo(frame);
        assertThat(views).singleElement().isSameAs(parsed);
    }

    @Test
    void aPacketOutOfAFrameNobodyParsedLeavesTheParsingToWhoNeedsIt() {
        new PacketIn(sw, packetIn(OFBufferId.NO_BUFFER)).flood();   // a hub looks at nothing

        assertThat(onlyPacketOut().getData()).isEqualTo(frame);
        assertThat(views).isEmpty();
    }

    @Test
    void appCookieCarriesTheAppInTheTopBitsOnly() {
        U64 cookie = Flows.cookie("learning-switch");

        assertThat(cookie.getValue() & 0xffff_ffffL).isZero();
        assertThat(cookie.applyMask(Flows.APP_COOKIE_MASK)).isEqualTo(cookie);
        assertThat(cookie).isNotEqualTo(Flows.cookie("hub")).isEqualTo(Flows.cookie("learning-switch"));
    }
}
