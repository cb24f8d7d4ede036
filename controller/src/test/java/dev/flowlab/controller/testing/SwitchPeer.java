package dev.flowlab.controller.testing;

import dev.flowlab.controller.Poll;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.projectfloodlight.openflow.protocol.OFBadRequestCode;
import org.projectfloodlight.openflow.protocol.OFBarrierRequest;
import org.projectfloodlight.openflow.protocol.OFEchoRequest;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFFeaturesReply;
import org.projectfloodlight.openflow.protocol.OFFeaturesRequest;
import org.projectfloodlight.openflow.protocol.OFFlowAdd;
import org.projectfloodlight.openflow.protocol.OFFlowDelete;
import org.projectfloodlight.openflow.protocol.OFFlowDeleteStrict;
import org.projectfloodlight.openflow.protocol.OFFlowModFailedCode;
import org.projectfloodlight.openflow.protocol.OFFlowStatsEntry;
import org.projectfloodlight.openflow.protocol.OFFlowStatsRequest;
import org.projectfloodlight.openflow.protocol.OFMessage;
import org.projectfloodlight.openflow.protocol.OFPacketIn;
import org.projectfloodlight.openflow.protocol.OFPacketOut;
import org.projectfloodlight.openflow.protocol.OFPacketInReason;
import org.projectfloodlight.openflow.protocol.OFPortConfig;
import org.projectfloodlight.openflow.protocol.OFPortDesc;
import org.projectfloodlight.openflow.protocol.OFPortDescStatsRequest;
import org.projectfloodlight.openflow.protocol.OFPortReason;
import org.projectfloodlight.openflow.protocol.OFPortState;
import org.projectfloodlight.openflow.protocol.OFPortStatsEntry;
import org.projectfloodlight.openflow.protocol.OFPortStatsRequest;
import org.projectfloodlight.openflow.protocol.OFStatsReplyFlags;
import org.projectfloodlight.openflow.protocol.OFType;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.MacAddress;
import org.projectfloodlight.openflow.types.OFAuxId;
import org.projectfloodlight.openflow.types.OFBufferId;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.TableId;
import org.projectfloodlight.openflow.types.U64;
import org.projectfloodlight.openflow.protocol.match.MatchField;

/**
 * The switch side of OpenFlow inside the test JVM, over a real TCP socket: it answers the
 * controller's handshake (features, port description, barrier), echo requests and flow stats
 * requests the way Open vSwitch does, and records every message it receives. It speaks 1.3 unless
 * told another version ({@link #speaking}): then its HELLO offers only that version, and it answers
 * in that version's shapes (1.0: ports in the FEATURES_REPLY, in_port in the packet-in). Asked to
 * ({@link #keepFlowTable}), it keeps a flow table that flow and port stats are answered from, and
 * group and meter tables.
 * {@link RawPeer} is the same wire without the answering thread.
 */
public final class SwitchPeer implements AutoCloseable {
    public static final OFFactory OF13 = OFFactories.getFactory(OFVersion.OF_13);

    private final long dpid;
    private final List<Integer> ports;
    private final Socket socket;
    private final OutputStream out;
    private final List<OFMessage> received = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile boolean answerEchoes = true;
    private volatile boolean answerHandshake = true;
    private volatile boolean closed;
    private volatile java.util.function.Predicate<OFMessage> ignored = m -> false;
    private volatile PeerFlowTable table;
    private volatile PeerGroupsAndMeters groupsAndMeters;
    private volatile boolean answerFlowStats = true;
    private volatile OFFactory of = OF13;
    private volatile PeerRoles roles;

    private SwitchPeer(Socket socket, long dpid, List<Integer> ports) throws IOException {
        this.dpid = dpid;
        this.ports = ports;
        this.socket = socket;
        socket.setTcpNoDelay(true);
        this.out = socket.getOutputStream();
        this.reader = new Thread(this::readLoop, "switch-peer-" + dpid);
        reader.setDaemon(true);
        reader.start();
    }

    /** Connects without saying anything yet. */
    public static SwitchPeer connect(InetSocketAddress controller, long dpid, int... ports) throws IOException {
        return over(new Socket(controller.getAddress(), controller.getPort()), dpid, ports);
    }

    /** Speaks over {@code connected} (a TLS socket, for example) without saying anything yet. */
    public static SwitchPeer over(Socket connected, long dpid, int... ports) throws IOException {
        List<Integer> list = new ArrayList<>();
        for (int p : ports) {
            list.add(p);
        }
        return new SwitchPeer(connected, dpid, list);
    }

    /** Connects and sends an OpenFlow 1.3 HELLO (with a version bitmap, like OVS); the rest is answered as it comes. */
    public static SwitchPeer handshake(InetSocketAddress controller, long dpid, int... ports) throws IOException {
        return hello(connect(controller, dpid, ports));
    }

    /** Over {@code connected}, sends an OpenFlow 1.3 HELLO; the rest is answered as it comes. */
    public static SwitchPeer handshake(Socket connected, long dpid, int... ports) throws IOException {
        return hello(over(connected, dpid, ports));
    }

    private static SwitchPeer hello(SwitchPeer peer) {
        return peer.sayHello();
    }

    /** Sends a HELLO (after {@link #connect} and any settings); the rest is answered as it comes. */
    public SwitchPeer sayHello() {
        send(RawPeer.hello(of.getVersion()));
        return this;
    }

    /** From now on speaks only {@code version} (call before {@link #sayHello}). */
    public SwitchPeer speaking(OFVersion version) {
        of = OFFactories.getFactory(version);
        return this;
    }

    /** The factory of the version this peer speaks. */
    public OFFactory factory() {
        return of;
    }

    /**
     * From now on keeps a real flow table of {@code tables} tables (call before {@link #sayHello}): flow-mods
     * change it, flow stats are answered from it, port stats with fixed counters, an add to a table past the
     * last with FLOW_MOD_FAILED and a message it does not model with BAD_REQUEST. Without it flow stats get a
     * fixed two-part answer and the rest is only recorded.
     */
    public SwitchPeer keepFlowTable(int tables) {
        // The reader thread may already be answering the controller's HELLO: it takes a non-null table to mean
        // both are there, so the table is published last.
        groupsAndMeters = new PeerGroupsAndMeters(of);
        table = new PeerFlowTable(of, tables);
        return this;
    }

    /**
     * From now on answers ROLE_REQUESTs and refuses a SLAVE's writes as {@code roles} (shared with this switch's
     * connections to other controllers) decides. Call before {@link #sayHello}.
     */
    public SwitchPeer roles(PeerRoles roles) {
        this.roles = roles;
        return this;
    }

    /** Open vSwitch's OpenFlow 1.3 role status (ONF experimenter 1911): role 1 equal, 2 master, 3 slave. */
    void sendRoleStatus(int role, long generation) {
        if (of.getVersion().compareTo(OFVersion.OF_14) >= 0) {   // OpenFlow 1.4 has the message itself
            send(of.buildRoleStatus().setRole(role == 3 ? org.projectfloodlight.openflow.protocol.OFControllerRole.ROLE_SLAVE
                            : org.projectfloodlight.openflow.protocol.OFControllerRole.ROLE_MASTER)
                    .setReason(org.projectfloodlight.openflow.protocol.OFControllerRoleReason.MASTER_REQUEST)
                    .setGenerationId(org.projectfloodlight.openflow.types.U64.of(generation)).build());
            return;
        }
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(32);
        b.put((byte) 4).put((byte) 4).putShort((short) 32).putInt(0);
        b.putInt(0x4F4E4600).putInt(1911);
        b.putInt(role).put((byte) 0).put(new byte[3]).putLong(generation);
        sendRaw(b.array());
    }

    /** The flow table as it is now (see {@link #keepFlowTable}). */
    public List<OFFlowStatsEntry> flows() {
        return table.all();
    }

    /**
     * Puts an entry in the flow table (see {@link #keepFlowTable}) as someone other than the controller would:
     * another controller, or a person with {@code ovs-ofctl add-flow}.
     */
    public void install(OFFlowAdd entry) {
        table.put(entry);
    }

    /** Counts {@code packets} more on the kept entries {@code which} selects, as traffic through the switch would. */
    public void countPackets(java.util.function.Predicate<OFFlowStatsEntry> which, long packets) {
        table.count(which, packets);
    }

    /** The group table as it is now (see {@link #keepFlowTable}). */
    public List<org.projectfloodlight.openflow.protocol.OFGroupDescStatsEntry> groups() {
        return groupsAndMeters.groups();
    }

    /** The meters as they are now (see {@link #keepFlowTable}). */
    public List<org.projectfloodlight.openflow.protocol.OFMeterConfig> meters() {
        return groupsAndMeters.meters();
    }

    /** From now on, flow stats requests go unanswered (a switch that hangs while everything else goes on). */
    public void stopAnsweringFlowStats() {
        answerFlowStats = false;
    }

    public long dpid() {
        return dpid;
    }

    /** Stop recording messages that match (a flood the test does not look at), so the record stays small. */
    public void ignore(java.util.function.Predicate<OFMessage> matching) {
        ignored = matching;
    }

    /** Stop answering echo requests (a hung switch). */
    public void stopAnsweringEchoes() {
        answerEchoes = false;
    }

    /** Stop answering handshake requests (a switch stuck after HELLO). */
    public void stopAnsweringHandshake() {
        answerHandshake = false;
    }

    public void send(OFMessage message) {
        sendRaw(RawPeer.bytes(message));
    }

    public synchronized void sendRaw(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException("switch " + dpid + " cannot send: " + e.getMessage(), e);
        }
    }

    /** A table-miss packet-in, unbuffered, as OVS sends it. */
    public void sendPacketIn(int inPort, byte[] frame) {
        OFFactory v = of;
        OFPacketIn.Builder in = v.buildPacketIn()
                .setBufferId(OFBufferId.NO_BUFFER)
                .setTotalLen(frame.length)
                .setReason(OFPacketInReason.NO_MATCH)
                .setData(frame);
        if (v.getVersion() == OFVersion.OF_10) {
            in.setInPort(OFPort.of(inPort));
        } else {
            in.setTableId(TableId.of(0)).setMatch(v.buildMatch().setExact(MatchField.IN_PORT, OFPort.of(inPort)).build());
        }
        send(in.build());
    }

    /** Reports a port change, as a switch does when a link goes down or a port is added. */
    public void sendPortStatus(OFPortReason reason, int port, boolean linkDown) {
        send(of.buildPortStatus().setReason(reason).setDesc(portDesc(of, "s-eth" + port, port, linkDown)).build());
    }

    /** An OpenFlow 1.3 port description, up or with its link down. */
    public static OFPortDesc portDesc(int port, boolean linkDown) {
        return portDesc(OF13, "s-eth" + port, port, linkDown);
    }

    /** A port description in {@code of}'s version: 1.0 has no LIVE state, 1.4+ no speed field (properties instead). */
    private static OFPortDesc portDesc(OFFactory of, String name, int port, boolean linkDown) {
        OFPortDesc.Builder desc = of.buildPortDesc()
                .setPortNo(OFPort.of(port))
                .setHwAddr(MacAddress.of(0x0200_0000_0000L | port))
                .setName(name)
                .setConfig(EnumSet.noneOf(OFPortConfig.class));
        if (of.getVersion() == OFVersion.OF_10) {
            return desc.setState(linkDown ? EnumSet.of(OFPortState.LINK_DOWN) : EnumSet.noneOf(OFPortState.class)).build();
        }
        if (of.getVersion() == OFVersion.OF_13) {
            desc.setCurrSpeed(10_000_000);
        }
        return desc.setState(linkDown ? EnumSet.of(OFPortState.LINK_DOWN) : EnumSet.of(OFPortState.LIVE)).build();
    }

    /** Every message received so far, in order. */
    public List<OFMessage> received() {
        return List.copyOf(received);
    }

    /** Received messages of one type, in order. */
    public <T extends OFMessage> List<T> received(Class<T> type) {
        return received.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Waits until at least {@code count} messages of {@code type} arrived; returns them all. */
    public <T extends OFMessage> List<T> await(Class<T> type, int count, Duration timeout) {
        Poll.until(count + " x " + type.getSimpleName() + " at switch " + dpid, timeout, () -> received(type).size() >= count);
        return received(type);
    }

    /** Waits for the first message of {@code type} that matches, ignoring others (e.g. the core's LLDP probes). */
    public <T extends OFMessage> T awaitFirst(Class<T> type, java.util.function.Predicate<? super T> matching,
                                              Duration timeout) {
        Poll.until(type.getSimpleName() + " matching at switch " + dpid, timeout,
                () -> received(type).stream().anyMatch(matching));
        return received(type).stream().filter(matching).findFirst().orElseThrow();
    }

    /** Waits for {@code count} packet-outs sent for packet-ins, skipping link discovery's own LLDP probes. */
    public List<OFPacketOut> awaitAnswers(int count, Duration timeout) {
        java.util.function.Supplier<List<OFPacketOut>> answers = () -> received(OFPacketOut.class).stream()
                .filter(o -> !dev.flowlab.controller.api.Flows.inPortOf(o).equals(OFPort.CONTROLLER)).toList();
        Poll.until(count + " packet-outs answering packet-ins at switch " + dpid, timeout,
                () -> answers.get().size() >= count);
        return answers.get();
    }

    public boolean isClosed() {
        return closed;
    }

    /** Waits until the controller closed the connection. */
    public void awaitClosed(Duration timeout) {
        Poll.until("controller closes the connection of switch " + dpid, timeout, () -> closed);
    }

    private void readLoop() {
        try (DataInputStream in = new DataInputStream(socket.getInputStream())) {
            while (true) {
                OFMessage m = RawPeer.readMessage(in);
                if (!ignored.test(m)) {
                    received.add(m);
                }
                answer(m);
            }
        } catch (EOFException | java.net.SocketException e) {
            // the controller (or close()) ended the connection
        } catch (Exception e) {
            throw new IllegalStateException("switch " + dpid + " cannot read: " + e, e);
        } finally {
            closed = true;
        }
    }

    private void answer(OFMessage m) {
        PeerFlowTable kept = table;
        OFFactory of = this.of;
        PeerRoles r = roles;
        if (r != null && answerRoles(r, m)) {
            return;
        }
        if (m instanceof OFEchoRequest echo && answerEchoes) {
            send(of.buildEchoReply().setXid(echo.getXid()).setData(echo.getData()).build());
        } else if (!answerHandshake) {
            return;
        } else if (m instanceof OFFeaturesRequest) {
            OFFeaturesReply.Builder features = of.buildFeaturesReply().setXid(m.getXid()).setDatapathId(DatapathId.of(dpid))
                    .setNBuffers(0).setNTables((short) (kept == null ? 254 : kept.tables()));
            if (of.getVersion() == OFVersion.OF_10) {   // 1.0 lists the ports here
                features.setPorts(portDescs(of));
            } else {
                features.setAuxiliaryId(OFAuxId.MAIN);
            }
            send(features.build());
        } else if (m instanceof OFPortDescStatsRequest) {
            send(of.buildPortDescStatsReply().setXid(m.getXid()).setEntries(portDescs(of)).build());
        } else if (m instanceof OFBarrierRequest) {
            send(of.buildBarrierReply().setXid(m.getXid()).build());
        } else if (m instanceof OFFlowStatsRequest request) {
            if (!answerFlowStats) {
                return;
            }
            if (kept != null) {   // in parts, as a switch does: one OpenFlow message holds some 600 entries at most
                List<OFFlowStatsEntry> entries = kept.select(request);
                int part = 400;
                for (int from = 0; from == 0 || from < entries.size(); from += part) {
                    boolean more = from + part < entries.size();
                    send(of.buildFlowStatsReply().setXid(m.getXid())
                            .setFlags(more ? EnumSet.of(OFStatsReplyFlags.REPLY_MORE) : EnumSet.noneOf(OFStatsReplyFlags.class))
                            .setEntries(entries.subList(from, Math.min(entries.size(), from + part))).build());
                }
                return;
            }
            // Two parts, like a switch with a big table: the controller must join them.
            send(of.buildFlowStatsReply().setXid(m.getXid()).setFlags(EnumSet.of(OFStatsReplyFlags.REPLY_MORE))
                    .setEntries(List.of(flowStats(1))).build());
            send(of.buildFlowStatsReply().setXid(m.getXid()).setEntries(List.of(flowStats(2))).build());
        } else if (kept != null) {
            answerWithTable(kept, m);
        }
    }

    /** This peer's ports and its LOCAL port, as its handshake reports them. */
    private List<OFPortDesc> portDescs(OFFactory of) {
        List<OFPortDesc> descs = new ArrayList<>(ports.stream().map(p -> portDesc(of, "s" + dpid + "-eth" + p, p, false)).toList());
        descs.add(of.buildPortDesc().setPortNo(OFPort.LOCAL).setName("local").setHwAddr(MacAddress.of(1)).build());
        return descs;
    }

    /** Role requests, and a SLAVE's writes: true when {@code m} was answered here. */
    private boolean answerRoles(PeerRoles r, OFMessage m) {
        if (m instanceof org.projectfloodlight.openflow.protocol.OFRoleRequest request) {
            Long generation = r.request(this, request.getRole(), request.getGenerationId().getValue());
            if (generation == null) {
                send(of.errorMsgs().buildRoleRequestFailedErrorMsg().setXid(m.getXid())
                        .setCode(org.projectfloodlight.openflow.protocol.OFRoleRequestFailedCode.STALE).build());
            } else {
                send(of.buildRoleReply().setXid(m.getXid()).setRole(r.roleOf(this))
                        .setGenerationId(U64.of(generation)).build());
            }
            return true;
        }
        boolean write = switch (m.getType()) {
            case FLOW_MOD, GROUP_MOD, PORT_MOD, TABLE_MOD, METER_MOD, PACKET_OUT -> true;
            default -> false;
        };
        if (write && r.isSlave(this)) {
            send(of.errorMsgs().buildBadRequestErrorMsg().setXid(m.getXid()).setCode(OFBadRequestCode.IS_SLAVE).build());
            return true;
        }
        return false;
    }

    /** What only a peer that keeps a flow table answers (see {@link #keepFlowTable}). */
    private void answerWithTable(PeerFlowTable kept, OFMessage m) {
        if (groupsAndMeters.answer(m, this::send)) {
            return;
        }
        if (m instanceof OFFlowAdd add) {
            if (!kept.add(add)) {
                send(of.errorMsgs().buildFlowModFailedErrorMsg().setXid(add.getXid())
                        .setCode(OFFlowModFailedCode.BAD_TABLE_ID).build());
            }
        } else if (m instanceof OFFlowDelete delete) {
            kept.delete(delete);
        } else if (m instanceof OFFlowDeleteStrict delete) {
            kept.deleteStrict(delete);
        } else if (m instanceof org.projectfloodlight.openflow.protocol.OFFlowModifyStrict modify) {
            kept.modifyStrict(modify);
        } else if (m instanceof OFPortStatsRequest) {
            List<OFPortStatsEntry> stats = new ArrayList<>();
            for (int i = ports.size() - 1; i >= 0; i--) {   // out of order, as a switch may answer
                long p = ports.get(i);
                stats.add(of.buildPortStatsEntry().setPortNo(OFPort.of((int) p)).setRxPackets(U64.of(10L * p))
                        .setTxPackets(U64.of(20L * p)).setRxBytes(U64.of(1000L * p)).setTxBytes(U64.of(2000L * p))
                        .setRxDropped(U64.ZERO).setTxDropped(U64.ZERO).setRxErrors(U64.ZERO).setTxErrors(U64.ZERO)
                        .setRxFrameErr(U64.ZERO).setRxOverErr(U64.ZERO).setRxCrcErr(U64.ZERO).setCollisions(U64.ZERO)
                        .setDurationSec(5).build());
            }
            send(of.buildPortStatsReply().setXid(m.getXid()).setEntries(stats).build());
        } else if (m.getType() != OFType.HELLO && m.getType() != OFType.SET_CONFIG) {
            send(of.errorMsgs().buildBadRequestErrorMsg().setXid(m.getXid()).setCode(OFBadRequestCode.BAD_TYPE).build());
        }
    }

    /** An entry that matched {@code priority} x 10 packets of 100 bytes (1.5 reports counters as statistics). */
    private OFFlowStatsEntry flowStats(int priority) {
        OFFlowStatsEntry.Builder entry = of.buildFlowStatsEntry().setPriority(priority).setMatch(of.buildMatch().build());
        U64 packets = U64.of(10L * priority);
        U64 bytes = U64.of(1000L * priority);
        if (of.getVersion().compareTo(OFVersion.OF_15) >= 0) {
            return entry.setStats(of.buildStatV6().setOxsFields(org.projectfloodlight.openflow.protocol.OFOxsList.of(
                    of.oxss().packetCount(packets), of.oxss().byteCount(bytes))).build()).build();
        }
        return entry.setPacketCount(packets).setByteCount(bytes).build();
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
