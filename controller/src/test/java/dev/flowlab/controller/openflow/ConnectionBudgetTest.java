package dev.flowlab.controller.openflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.controller.Controller;
import dev.flowlab.controller.ControllerConfig;
import dev.flowlab.controller.Poll;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.testing.RawPeer;
import dev.flowlab.controller.testing.RecordingApp;
import dev.flowlab.controller.testing.SwitchPeer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.protocol.OFBarrierRequest;
import org.projectfloodlight.openflow.protocol.OFFeaturesRequest;
import org.projectfloodlight.openflow.protocol.OFFlowStatsEntry;
import org.projectfloodlight.openflow.protocol.OFFlowStatsReply;
import org.projectfloodlight.openflow.protocol.OFFlowStatsRequest;
import org.projectfloodlight.openflow.protocol.OFHello;
import org.projectfloodlight.openflow.protocol.OFMessage;
import org.projectfloodlight.openflow.protocol.OFPacketInReason;
import org.projectfloodlight.openflow.protocol.OFPortDesc;
import org.projectfloodlight.openflow.protocol.OFPortDescStatsRequest;
import org.projectfloodlight.openflow.protocol.OFPortReason;
import org.projectfloodlight.openflow.protocol.OFStatsReplyFlags;
import org.projectfloodlight.openflow.protocol.match.MatchField;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.OFBufferId;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.TableId;

/**
 * Hostile peers speaking real OpenFlow bytes over loopback: whatever they send, what the
 * controller holds for them stays bounded, and peers that are no switch are closed.
 */
class ConnectionBudgetTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration LONG = Duration.ofSeconds(60);
    private final RecordingApp app = new RecordingApp("recorder");
    private Controller controller;

    private InetSocketAddress start(ConnectionLimits limits) {
        controller = Controller.start(ControllerConfig.builder().listen("127.0.0.1", 0).limits(limits).build(),
                List.of(app));
        return controller.address();
    }

    /** Limits that never close a connection by themselves within a test, unless the test says otherwise. */
    private static ConnectionLimits patient() {
        return ConnectionLimits.defaults().withHelloTimeout(LONG);
    }

    @AfterEach
    void stop() {
        if (controller != null) {
            controller.close();
        }
    }

    @Test
    void peerFloodingEchoRequestsBeforeHelloAndNeverReadingIsNotReadEither() throws Exception {
        InetSocketAddress address = start(patient());
        byte[] echo = RawPeer.bytes(SwitchPeer.OF13.buildEchoRequest().setData(new byte[60_000]).build());
        long offered = 256L * 1024 * 1024;
        try (SocketChannel peer = SocketChannel.open()) {
            peer.socket().setReceiveBufferSize(4096);   // and we never read: the controller's echo replies back up
            peer.connect(address);
            peer.configureBlocking(false);
            long accepted = writeUntilStalled(peer, echo, offered);

            // Before, the controller read all 256 MB and queued as many bytes of echo replies.
            // Now it stops reading once its replies pass the watermark: what it took is what the
            // kernel's socket buffers hold (a few MB on loopback) plus one read.
            assertThat(accepted).as("bytes the controller accepted").isLessThan(32L * 1024 * 1024);
        }
    }

    /**
     * Writes {@code message} until {@code limit} bytes went out or the peer has taken nothing for
     * a whole second (the sign that it stopped reading); returns the bytes written.
     */
    private static long writeUntilStalled(SocketChannel channel, byte[] message, long limit) throws IOException {
        long written = 0;
        long lastProgress = System.nanoTime();
        ByteBuffer buffer = ByteBuffer.wrap(message);
        while (written < limit && System.nanoTime() - lastProgress < TimeUnit.SECONDS.toNanos(1)) {
            int n = channel.write(buffer);
            if (n > 0) {
                written += n;
                lastProgress = System.nanoTime();
            } else {
                Thread.onSpinWait();
            }
            if (!buffer.hasRemaining()) {
                buffer.rewind();
            }
        }
        return written;
    }

    @Test
    void portDescriptionThatNeverEndsClosesTheConnectionAtThePortLimit() throws Exception {
        InetSocketAddress address = start(patient().withMaxPorts(2000));
        try (RawPeer peer = RawPeer.connect(address)) {
            peer.send(RawPeer.hello());
            peer.answerFeatures(3, WAIT);
            assertThat(peer.readUntil(OFPortDescStatsRequest.class, WAIT)).isNotNull();

            int sent = 0;
            try {
                for (int part = 0; part < 200; part++) {   // 100,000 distinct ports, every part saying "more"
                    List<OFPortDesc> ports = new ArrayList<>();
                    for (int i = 0; i < 500; i++) {
                        ports.add(SwitchPeer.portDesc(++sent, false));
                    }
                    peer.send(SwitchPeer.OF13.buildPortDescStatsReply().setXid(1)
                            .setFlags(EnumSet.of(OFStatsReplyFlags.REPLY_MORE)).setEntries(ports).build());
                }
            } catch (IOException closed) {
                // what we expect: the controller hung up
            }
            assertThat(peer.closedWithin(WAIT)).as("connection closed").isTrue();
            assertThat(sent).as("ports sent before the controller hung up").isLessThan(100_000);
            assertThat(controller.switches()).isEmpty();
        }
    }

    @Test
    void messagesHeldDuringTheHandshakeAreBoundedInBytes() throws Exception {
        InetSocketAddress address = start(patient().withMaxHeldBytes(256 * 1024));
        try (RawPeer peer = RawPeer.connect(address)) {
            peer.send(RawPeer.hello());
            peer.answerFeatures(4, WAIT);
            OFPortDescStatsRequest request = peer.readUntil(OFPortDescStatsRequest.class, WAIT);
            for (int i = 0; i < 200; i++) {   // 6.4 MB of early packet-ins
                peer.send(packetIn(1, new byte[32 * 1024]));
            }
            peer.send(SwitchPeer.OF13.buildPortDescStatsReply().setXid(request.getXid())
                    .setEntries(List.of(SwitchPeer.portDesc(1, false), SwitchPeer.portDesc(2, false))).build());
            OFBarrierRequest barrier = peer.readUntil(OFBarrierRequest.class, WAIT);
            peer.send(SwitchPeer.OF13.buildBarrierReply().setXid(barrier.getXid()).build());
            assertThat(controller.awaitSwitches(List.of(DatapathId.of(4L)), WAIT)).isTrue();
            peer.send(packetIn(2, new byte[64]));   // after the handshake: delivered after every held one
            Poll.until("the packet-in sent after the handshake", WAIT, () -> app.events().contains("packet-in 4 port 2"));

            // Before: up to 1024 messages of up to 64 KB each were held (all 200 here).
            assertThat(app.count("packet-in 4 port 1")).as("held packet-ins delivered")
                    .isBetween(1L, (long) (256 * 1024 / (32 * 1024)));
        }
    }

    @Test
    void multipartReplyBeyondTheByteLimitFailsTheRequestAndKeepsTheSwitch() throws Exception {
        InetSocketAddress address = start(patient().withMaxReplyBytes(256 * 1024));
        try (RawPeer peer = RawPeer.connect(address)) {
            handshake(peer, 5);
            Switch sw = controller.switchById(DatapathId.of(5)).orElseThrow();
            CompletableFuture<List<OFFlowStatsReply>> reply = sw.request(sw.factory().buildFlowStatsRequest().build());
            OFFlowStatsRequest request = peer.readUntil(OFFlowStatsRequest.class, WAIT);
            List<OFFlowStatsEntry> entries = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                entries.add(SwitchPeer.OF13.buildFlowStatsEntry().setPriority(i).setMatch(SwitchPeer.OF13.buildMatch()
                        .setExact(MatchField.IN_PORT, OFPort.of(i + 1)).build()).build());
            }
            for (int part = 0; part < 100; part++) {   // about 1.5 MB, and never a last part
                peer.send(SwitchPeer.OF13.buildFlowStatsReply().setXid(request.getXid())
                        .setFlags(EnumSet.of(OFStatsReplyFlags.REPLY_MORE)).setEntries(entries).build());
            }

            // Before: the parts piled up until the request timed out (10 s), the bytes held all along.
            ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> reply.get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
            assertThat(failure.getCause()).hasMessageContaining("more than 262144 bytes");
            assertThat(sw.isConnected()).isTrue();
        }
    }

    @Test
    void portStatusBeyondThePortLimitIsIgnoredAndTheSwitchStays() throws Exception {
        InetSocketAddress address = start(patient().withMaxPorts(50));
        try (RawPeer peer = RawPeer.connect(address)) {
            handshake(peer, 6);
            for (int port = 3; port <= 20_002; port++) {   // a storm of new ports
                peer.send(SwitchPeer.OF13.buildPortStatus().setReason(OFPortReason.ADD)
                        .setDesc(SwitchPeer.portDesc(port, false)).build());
            }
            peer.send(SwitchPeer.OF13.buildPortStatus().setReason(OFPortReason.MODIFY)
                    .setDesc(SwitchPeer.portDesc(1, true)).build());   // a known port still changes
            Poll.until("port 1 down reported", WAIT, () -> app.events().contains("port-status 6 port 1 MODIFY"));

            Switch sw = controller.switchById(DatapathId.of(6)).orElseThrow();
            assertThat(sw.ports()).hasSize(50);
            assertThat(app.count("port-status 6 port")).isEqualTo(48 + 1);
            assertThat(sw.isConnected()).isTrue();
        }
    }

    @Test
    void peerThatSaysNoHelloIsClosedAtTheHelloDeadline() throws Exception {
        // The handshake timeout stays at its default 10 s: a close within WAIT is the HELLO deadline's.
        InetSocketAddress address = start(ConnectionLimits.defaults().withHelloTimeout(Duration.ofMillis(300)));
        try (RawPeer silent = RawPeer.connect(address)) {
            assertThat(silent.closedWithin(WAIT)).isTrue();
        }
    }

    @Test
    void connectionsBeyondTheTotalAndPerAddressLimitsAreClosedAtOnce() throws Exception {
        InetSocketAddress address = start(patient().withConnections(5, 3, 100));
        List<RawPeer> admitted = new ArrayList<>();
        try {
            // One at a time (each admitted once our HELLO came): connections are counted on their own I/O threads.
            for (int i = 0; i < 3; i++) {
                admitted.add(admittedFrom(address, "127.0.0.1"));
            }
            try (RawPeer fourthFromOne = RawPeer.connectFrom(address, "127.0.0.1")) {
                assertThat(fourthFromOne.read(WAIT)).as("per-address limit: closed without a HELLO").isNull();
            }
            admitted.add(admittedFrom(address, "127.0.0.2"));
            admitted.add(admittedFrom(address, "127.0.0.2"));
            try (RawPeer sixth = RawPeer.connectFrom(address, "127.0.0.2")) {
                assertThat(sixth.read(WAIT)).as("total limit: closed without a HELLO").isNull();
            }
            for (RawPeer peer : admitted) {   // the admitted ones are served: our HELLO, and after theirs, FEATURES
                peer.send(RawPeer.hello());
                assertThat(peer.readUntil(OFFeaturesRequest.class, WAIT)).isNotNull();
            }
        } finally {
            admitted.forEach(RawPeer::close);
        }
    }

    private static RawPeer admittedFrom(InetSocketAddress address, String local) throws IOException {
        RawPeer peer = RawPeer.connectFrom(address, local);
        assertThat(peer.read(WAIT)).as("our HELLO to an admitted connection").isInstanceOf(OFHello.class);
        return peer;
    }

    @Test
    void connectionsBeyondTheHandshakeLimitAreClosedAtOnce() throws Exception {
        InetSocketAddress address = start(patient().withConnections(100, 100, 2));
        try (RawPeer first = admittedFrom(address, "127.0.0.1"); RawPeer second = admittedFrom(address, "127.0.0.1")) {
            try (RawPeer third = RawPeer.connect(address)) {
                assertThat(third.read(WAIT)).isNull();
            }
            handshake(first, 1);   // a finished handshake frees its place
            try (RawPeer fourth = RawPeer.connect(address)) {
                fourth.send(RawPeer.hello());
                assertThat(fourth.readUntil(OFFeaturesRequest.class, WAIT)).isNotNull();
            }
        }
    }

    /** A well-behaved switch up to switch up. */
    private void handshake(RawPeer peer, long dpid) throws IOException {
        peer.handshake(dpid, WAIT, 1, 2);
        assertThat(controller.awaitSwitches(List.of(DatapathId.of(dpid)), WAIT)).isTrue();
    }

    private static OFMessage packetIn(int inPort, byte[] frame) {
        return SwitchPeer.OF13.buildPacketIn().setBufferId(OFBufferId.NO_BUFFER).setTotalLen(frame.length)
                .setReason(OFPacketInReason.NO_MATCH).setTableId(TableId.of(0))
                .setMatch(SwitchPeer.OF13.buildMatch().setExact(MatchField.IN_PORT, OFPort.of(inPort)).build())
                .setData(frame).build();
    }
}
