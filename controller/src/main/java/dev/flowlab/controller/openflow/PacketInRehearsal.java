package dev.flowlab.controller.openflow;

import dev.flowlab.controller.ControllerConfig;
import dev.flowlab.controller.capture.OpenFlowCapture;
import dev.flowlab.controller.core.EventDispatcher;
import dev.flowlab.controller.core.SwitchRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFPacketInReason;
import org.projectfloodlight.openflow.protocol.OFPortDesc;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.protocol.match.MatchField;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.MacAddress;
import org.projectfloodlight.openflow.types.OFBufferId;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.TableId;
import org.projectfloodlight.openflow.types.U64;

/**
 * Plays one switch's side of a first ping, many times over, through the real packet-in path: packet-in
 * bytes through the handlers of a real connection ({@link OfChannelInitializer#addMessageHandlers}), a
 * {@link SwitchConnection}, the dispatcher and its apps, the answers encoded by {@link OfMessageEncoder};
 * all on an in-memory channel, so no socket and no real switch is involved. The caller gives a dispatcher and registry of its own (throwaway app instances), so
 * the rehearsal changes no state a user or a real switch can see.
 *
 * <p>Why: a fresh JVM runs this path in the interpreter, and a user's first ping crosses it about 30
 * times in a row (ARP out and back, then the echo, at every switch); measured on {@code linear,10} the
 * controller's own time came to 40 ms of a 74 ms first reply, 16 ms of it the very first packet-in (class
 * loading), against 4 ms for ovs-testcontroller. Rehearsed, the classes are loaded and the methods compiled
 * before a real switch's first packet-in.
 */
public final class PacketInRehearsal {
    private static final OFFactory OF13 = OFFactories.getFactory(OFVersion.OF_13);
    /** Far from any real datapath id; only ever seen by the throwaway registry. */
    private static final DatapathId DPID = DatapathId.of(0x00ff_ffff_ffff_fff1L);
    private static final int PORTS = 4;
    /** Distinct host pairs per pass, so tables learn and flows are built, yet stay small. */
    private static final int PAIRS = 64;

    private final EmbeddedChannel channel;
    private final List<ByteBuf> frames = new ArrayList<>();

    /** A rehearsal switch registered in {@code registry}, whose events go to {@code dispatcher}. */
    public PacketInRehearsal(ControllerConfig config, EventDispatcher dispatcher, SwitchRegistry registry) {
        InetSocketAddress from = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        channel = new EmbeddedChannel() {
            @Override
            protected SocketAddress remoteAddress0() {
                return from;   // SwitchConnection keeps its switch's TCP address
            }
        };
        OfChannelInitializer.addMessageHandlers(channel.pipeline(), config, new OpenFlowCapture());   // a capture never started
        SwitchConnection connection = new SwitchConnection(channel, OF13, DPID, ports(), dispatcher, registry, config,
                RoleOutcome.EQUAL);
        channel.pipeline().addLast("switch", connection);
        channel.pipeline().addLast("errors", new ConnectionErrors());
        connection.start(List.of());
        drain();
        for (int pair = 0; pair < PAIRS; pair++) {
            frames.addAll(firstPing(pair));
        }
    }

    /**
     * Runs passes of every host pair's first ping until about {@code packetIns} were delivered or {@code stop}
     * says so (asked between passes); the apps' answers are encoded and thrown away.
     *
     * @return packet-ins delivered
     */
    public long run(long packetIns, BooleanSupplier stop) {
        long delivered = 0;
        while (delivered < packetIns && !stop.getAsBoolean()) {
            for (ByteBuf packetIn : frames) {
                channel.writeInbound(packetIn.retainedDuplicate());
                delivered++;
            }
            drain();
        }
        return delivered;
    }

    /** Disconnects the rehearsal switch (its apps hear it go down) and frees the frames. */
    public void close() {
        channel.finishAndReleaseAll();
        frames.forEach(ReferenceCountUtil::release);
        frames.clear();
    }

    private void drain() {
        channel.flushOutbound();
        for (Object out; (out = channel.readOutbound()) != null; ) {
            ReferenceCountUtil.release(out);
        }
    }

    private static List<OFPortDesc> ports() {
        List<OFPortDesc> ports = new ArrayList<>();
        for (int p = 1; p <= PORTS; p++) {
            ports.add(OF13.buildPortDesc().setPortNo(OFPort.of(p)).setName("rehearsal" + p)
                    .setHwAddr(MacAddress.of(0x0200_0000_0f00L + p)).build());
        }
        return ports;
    }

    /** h1 (port 1) pings h2 (port 2): ARP request (broadcast), ARP reply, echo request, echo reply. */
    private static List<ByteBuf> firstPing(int pair) {
        long mac1 = 0x0200_0000_0000L + 2L * pair + 1;
        long mac2 = mac1 + 1;
        int ip1 = 0x0a00_0000 + 2 * pair + 1;
        int ip2 = ip1 + 1;
        return List.of(
                packetIn(1, arp(0xffff_ffff_ffffL, mac1, 1, ip1, 0, ip2)),
                packetIn(2, arp(mac1, mac2, 2, ip2, mac1, ip1)),
                packetIn(1, icmpEcho(mac2, mac1, ip1, ip2, 8)),
                packetIn(2, icmpEcho(mac1, mac2, ip2, ip1, 0)));
    }

    private static ByteBuf packetIn(int inPort, byte[] frame) {
        ByteBuf bytes = Unpooled.buffer();
        OF13.buildPacketIn().setBufferId(OFBufferId.NO_BUFFER).setTotalLen(frame.length)
                .setReason(OFPacketInReason.NO_MATCH).setTableId(TableId.of(0)).setCookie(U64.ZERO)
                .setMatch(OF13.buildMatch().setExact(MatchField.IN_PORT, OFPort.of(inPort)).build())
                .setData(frame).build().writeTo(bytes);
        return bytes;
    }

    private static byte[] arp(long dst, long src, int op, int senderIp, long targetMac, int targetIp) {
        ByteBuffer b = ethernet(42, dst, src, 0x0806);
        b.putShort((short) 1).putShort((short) 0x0800).put((byte) 6).put((byte) 4).putShort((short) op);
        putMac(b, src);
        b.putInt(senderIp);
        putMac(b, targetMac);
        b.putInt(targetIp);
        return b.array();
    }

    private static byte[] icmpEcho(long dst, long src, int srcIp, int dstIp, int type) {
        ByteBuffer b = ethernet(98, dst, src, 0x0800);
        b.put((byte) 0x45).put((byte) 0).putShort((short) 84).putShort((short) 1).putShort((short) 0x4000)
                .put((byte) 64).put((byte) 1).putShort((short) 0).putInt(srcIp).putInt(dstIp);
        b.put((byte) type).put((byte) 0).putShort((short) 0).putShort((short) 1).putShort((short) 1);
        return b.array();   // the payload stays zero
    }

    private static ByteBuffer ethernet(int length, long dst, long src, int type) {
        ByteBuffer b = ByteBuffer.allocate(length);
        putMac(b, dst);
        putMac(b, src);
        b.putShort((short) type);
        return b;
    }

    private static void putMac(ByteBuffer b, long mac) {
        b.putShort((short) (mac >>> 32)).putInt((int) mac);
    }
}
