package dev.flowlab.controller.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.projectfloodlight.openflow.protocol.OFBarrierRequest;
import org.projectfloodlight.openflow.protocol.OFFeaturesRequest;
import org.projectfloodlight.openflow.protocol.OFPortDesc;
import org.projectfloodlight.openflow.protocol.OFPortDescStatsRequest;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.OFAuxId;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.protocol.OFMessage;
import org.projectfloodlight.openflow.protocol.OFType;
import org.projectfloodlight.openflow.types.U32;

/**
 * A peer that reads only when the test says so, over a real TCP socket: the shape of a hostile
 * or broken switch (one that floods without ever reading, or says nothing at all). Unlike
 * {@link SwitchPeer} it has no reader thread and answers nothing by itself.
 */
public final class RawPeer implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;

    private RawPeer(Socket socket) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        this.out = socket.getOutputStream();
        this.in = new DataInputStream(socket.getInputStream());
    }

    /** Connects from the default local address. */
    public static RawPeer connect(InetSocketAddress controller) throws IOException {
        return new RawPeer(new Socket(controller.getAddress(), controller.getPort()));
    }

    /** Connects from {@code local} (any 127.x address works on Linux loopback). */
    public static RawPeer connectFrom(InetSocketAddress controller, String local) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(local), 0));
        socket.connect(controller);
        return new RawPeer(socket);
    }

    /** Connects with a tiny receive buffer, so what the controller writes and we never read backs up at once. */
    public static RawPeer connectNotReading(InetSocketAddress controller) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(controller);
        return new RawPeer(socket);
    }

    /** An OpenFlow 1.3 HELLO with a version bitmap, as OVS sends it. */
    public static OFMessage hello() {
        return hello(OFVersion.OF_13);
    }

    /**
     * A HELLO offering only {@code version}, as OVS sends it with one protocol enabled: 1.3+ with a version
     * bitmap, 1.0 without (that version's HELLO has no elements).
     */
    public static OFMessage hello(OFVersion version) {
        OFFactory of = OFFactories.getFactory(version);
        if (version == OFVersion.OF_10) {
            return of.buildHello().build();
        }
        return of.buildHello().setElements(List.of(of.buildHelloElemVersionbitmap()
                .setBitmaps(List.of(U32.of(1L << version.getWireVersion()))).build())).build();
    }

    /**
     * The message's bytes as a switch writes them. openflowj numbers three OpenFlow 1.5 OXS statistics one
     * below the spec (packet_count 3, byte_count 4, flow_count 2); Open vSwitch follows the spec, and so does
     * this peer in the messages that carry them (flow stats replies, flow removed).
     */
    public static byte[] bytes(OFMessage message) {
        ByteBuf buf = Unpooled.buffer();
        message.writeTo(buf);
        if (message.getVersion() == OFVersion.OF_15
                && (message.getType() == OFType.STATS_REPLY || message.getType() == OFType.FLOW_REMOVED)) {
            replaceWord(buf, OPENFLOWJ_BYTE_COUNT, SPEC_BYTE_COUNT);   // bytes first: packets take bytes' old number
            replaceWord(buf, OPENFLOWJ_PACKET_COUNT, SPEC_PACKET_COUNT);
        }
        byte[] bytes = new byte[buf.readableBytes()];
        buf.readBytes(bytes);
        return bytes;
    }

    /** OXS headers (class 0x8002, field, length 8) as openflowj and as the spec number them. */
    private static final int OPENFLOWJ_PACKET_COUNT = 0x8002_0608;
    private static final int OPENFLOWJ_BYTE_COUNT = 0x8002_0808;
    private static final int SPEC_PACKET_COUNT = 0x8002_0808;
    private static final int SPEC_BYTE_COUNT = 0x8002_0a08;

    private static void replaceWord(ByteBuf buf, int from, int to) {
        for (int i = 8; i + 4 <= buf.writerIndex(); i++) {
            if (buf.getInt(i) == from) {
                buf.setInt(i, to);
            }
        }
    }

    /** Writes; throws IOException once the controller has closed the connection. */
    public void send(OFMessage message) throws IOException {
        sendRaw(bytes(message));
    }

    public void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** The next message, or null when the controller closed the connection; fails after {@code timeout}. */
    public OFMessage read(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        try {
            return readMessage(in);
        } catch (EOFException | SocketException e) {
            return null;
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no message from the controller within " + timeout.toMillis() + " ms");
        }
    }

    /** One OpenFlow message off the stream: the header's length says how many bytes. */
    static OFMessage readMessage(DataInputStream in) throws IOException {
        byte[] header = new byte[8];
        in.readFully(header);
        int length = ((header[2] & 0xff) << 8) | (header[3] & 0xff);
        byte[] message = new byte[length];
        System.arraycopy(header, 0, message, 0, 8);
        in.readFully(message, 8, length - 8);
        try {
            return OFFactories.getGenericReader().readFrom(Unpooled.wrappedBuffer(message));
        } catch (Exception e) {
            throw new IOException("cannot parse the controller's message: " + e, e);
        }
    }

    /** Answers FEATURES_REQUEST with {@code dpid} (after our HELLO was sent). */
    public void answerFeatures(long dpid, Duration timeout) throws IOException {
        OFFeaturesRequest features = readUntil(OFFeaturesRequest.class, timeout);
        send(SwitchPeer.OF13.buildFeaturesReply().setXid(features.getXid()).setDatapathId(DatapathId.of(dpid))
                .setNBuffers(0).setNTables((short) 254).setAuxiliaryId(OFAuxId.MAIN).build());
    }

    /** The whole handshake of a well-behaved switch: HELLO, features, these ports, barrier. */
    public void handshake(long dpid, Duration timeout, int... ports) throws IOException {
        send(hello());
        answerFeatures(dpid, timeout);
        OFPortDescStatsRequest request = readUntil(OFPortDescStatsRequest.class, timeout);
        List<OFPortDesc> descs = new ArrayList<>();
        for (int port : ports) {
            descs.add(SwitchPeer.portDesc(port, false));
        }
        send(SwitchPeer.OF13.buildPortDescStatsReply().setXid(request.getXid()).setEntries(descs).build());
        OFBarrierRequest barrier = readUntil(OFBarrierRequest.class, timeout);
        send(SwitchPeer.OF13.buildBarrierReply().setXid(barrier.getXid()).build());
    }

    /** Reads (and drops) messages until one of {@code type} comes; null if the connection closed first. */
    public <T extends OFMessage> T readUntil(Class<T> type, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            OFMessage m = read(Duration.ofMillis(left));
            if (m == null || type.isInstance(m)) {
                return type.cast(m);
            }
        }
    }

    /** Whether the controller closes the connection within {@code timeout} (reading and dropping what it sends). */
    public boolean closedWithin(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (read(Duration.ofMillis(Math.max(1, (deadline - System.nanoTime()) / 1_000_000))) == null) {
                    return true;
                }
            } catch (AssertionError timedOut) {
                return false;
            }
        }
        return false;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
