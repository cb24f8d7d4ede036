package dev.flowlab.controller.rest;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.projectfloodlight.openflow.protocol.OFBadRequestCode;
import org.projectfloodlight.openflow.protocol.OFBarrierRequest;
import org.projectfloodlight.openflow.protocol.OFEchoRequest;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFFeaturesRequest;
import org.projectfloodlight.openflow.protocol.OFFlowAdd;
import org.projectfloodlight.openflow.protocol.OFFlowDelete;
import org.projectfloodlight.openflow.protocol.OFFlowModFailedCode;
import org.projectfloodlight.openflow.protocol.OFFlowStatsEntry;
import org.projectfloodlight.openflow.protocol.OFFlowStatsRequest;
import org.projectfloodlight.openflow.protocol.OFMessage;
import org.projectfloodlight.openflow.protocol.OFPortConfig;
import org.projectfloodlight.openflow.protocol.OFPortDesc;
import org.projectfloodlight.openflow.protocol.OFPortDescStatsRequest;
import org.projectfloodlight.openflow.protocol.OFPortState;
import org.projectfloodlight.openflow.protocol.OFPortStatsEntry;
import org.projectfloodlight.openflow.protocol.OFPortStatsRequest;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.MacAddress;
import org.projectfloodlight.openflow.types.OFAuxId;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.TableId;
import org.projectfloodlight.openflow.types.U32;
import org.projectfloodlight.openflow.types.U64;

/**
 * An OpenFlow 1.3 switch in the test JVM, over TCP, that keeps a real flow table: flow-adds
 * replace an entry with the same table, priority and match (as OVS does), deletes select by cookie
 * under its mask, flow and port stats are answered from that table and fixed port counters. Tables
 * above {@link #TABLES} are refused with a FLOW_MOD_FAILED error, as a small switch would.
 */
final class FlowTableSwitch implements AutoCloseable {
    static final OFFactory OF13 = OFFactories.getFactory(OFVersion.OF_13);
    static final int TABLES = 4;

    private final long dpid;
    private final int ports;
    private final Socket socket;
    private final OutputStream out;
    private final List<OFFlowStatsEntry> table = new CopyOnWriteArrayList<>();
    private volatile boolean silentOnFlowStats;

    FlowTableSwitch(InetSocketAddress controller, long dpid, int ports) throws IOException {
        this.dpid = dpid;
        this.ports = ports;
        this.socket = new Socket(controller.getAddress(), controller.getPort());
        this.out = socket.getOutputStream();
        Thread reader = new Thread(this::readLoop, "flow-table-switch-" + dpid);
        reader.setDaemon(true);
        reader.start();
        send(OF13.buildHello().setElements(List.of(OF13.buildHelloElemVersionbitmap()
                .setBitmaps(List.of(U32.of(1 << 4))).build())).build());
    }

    /** From now on, flow stats requests go unanswered (a switch that hangs while everything else goes on). */
    void stopAnsweringFlowStats() {
        silentOnFlowStats = true;
    }

    /** The flow table as it is now. */
    List<OFFlowStatsEntry> flows() {
        return List.copyOf(table);
    }

    private void readLoop() {
        try (DataInputStream in = new DataInputStream(socket.getInputStream())) {
            while (true) {
                byte[] message = new byte[8];
                in.readFully(message);
                int length = (message[2] & 0xff) << 8 | (message[3] & 0xff);
                byte[] whole = new byte[length];
                System.arraycopy(message, 0, whole, 0, 8);
                in.readFully(whole, 8, length - 8);
                answer(OFFactories.getGenericReader().readFrom(Unpooled.wrappedBuffer(whole)));
            }
        } catch (Exception e) {
            // the controller or close() ended the connection
        }
    }

    private void answer(OFMessage m) {
        if (m instanceof OFEchoRequest echo) {
            send(OF13.buildEchoReply().setXid(echo.getXid()).setData(echo.getData()).build());
        } else if (m instanceof OFFeaturesRequest) {
            send(OF13.buildFeaturesReply().setXid(m.getXid()).setDatapathId(DatapathId.of(dpid))
                    .setNBuffers(0).setNTables((short) TABLES).setAuxiliaryId(OFAuxId.MAIN).build());
        } else if (m instanceof OFPortDescStatsRequest) {
            List<OFPortDesc> descs = new ArrayList<>();
            for (int p = 1; p <= ports; p++) {
                descs.add(OF13.buildPortDesc().setPortNo(OFPort.of(p)).setName("s" + dpid + "-eth" + p)
                        .setHwAddr(MacAddress.of(0x0200_0000_0000L | p)).setConfig(EnumSet.noneOf(OFPortConfig.class))
                        .setState(EnumSet.of(OFPortState.LIVE)).setCurrSpeed(10_000_000).build());
            }
            send(OF13.buildPortDescStatsReply().setXid(m.getXid()).setEntries(descs).build());
        } else if (m instanceof OFBarrierRequest) {
            send(OF13.buildBarrierReply().setXid(m.getXid()).build());
        } else if (m instanceof OFFlowAdd add) {
            add(add);
        } else if (m instanceof OFFlowDelete delete) {
            table.removeIf(e -> selected(e, delete.getCookie(), delete.getCookieMask(), delete.getTableId()));
        } else if (m instanceof OFFlowStatsRequest request) {
            if (silentOnFlowStats) {
                return;
            }
            send(OF13.buildFlowStatsReply().setXid(m.getXid()).setEntries(table.stream()
                    .filter(e -> selected(e, request.getCookie(), request.getCookieMask(), request.getTableId()))
                    .toList()).build());
        } else if (m instanceof OFPortStatsRequest) {
            List<OFPortStatsEntry> stats = new ArrayList<>();
            for (int p = ports; p >= 1; p--) {   // out of order, as a switch may answer
                stats.add(OF13.buildPortStatsEntry().setPortNo(OFPort.of(p)).setRxPackets(U64.of(10L * p))
                        .setTxPackets(U64.of(20L * p)).setRxBytes(U64.of(1000L * p)).setTxBytes(U64.of(2000L * p))
                        .setRxDropped(U64.ZERO).setTxDropped(U64.ZERO).setRxErrors(U64.ZERO).setTxErrors(U64.ZERO)
                        .setRxFrameErr(U64.ZERO).setRxOverErr(U64.ZERO).setRxCrcErr(U64.ZERO).setCollisions(U64.ZERO)
                        .setDurationSec(5).build());
            }
            send(OF13.buildPortStatsReply().setXid(m.getXid()).setEntries(stats).build());
        } else if (m.getType() != org.projectfloodlight.openflow.protocol.OFType.HELLO
                && m.getType() != org.projectfloodlight.openflow.protocol.OFType.SET_CONFIG) {
            send(OF13.errorMsgs().buildBadRequestErrorMsg().setXid(m.getXid()).setCode(OFBadRequestCode.BAD_TYPE).build());
        }
    }

    private void add(OFFlowAdd add) {
        if (add.getTableId().getValue() >= TABLES) {
            send(OF13.errorMsgs().buildFlowModFailedErrorMsg().setXid(add.getXid())
                    .setCode(OFFlowModFailedCode.BAD_TABLE_ID).build());
            return;
        }
        table.removeIf(e -> e.getTableId().equals(add.getTableId()) && e.getPriority() == add.getPriority()
                && e.getMatch().equals(add.getMatch()));
        table.add(OF13.buildFlowStatsEntry().setTableId(add.getTableId()).setPriority(add.getPriority())
                .setCookie(add.getCookie()).setIdleTimeout(add.getIdleTimeout()).setHardTimeout(add.getHardTimeout())
                .setMatch(add.getMatch()).setInstructions(add.getInstructions()).setPacketCount(U64.ZERO)
                .setByteCount(U64.ZERO).build());
    }

    private static boolean selected(OFFlowStatsEntry e, U64 cookie, U64 mask, TableId tableId) {
        boolean inTable = tableId.equals(TableId.ALL) || tableId.equals(e.getTableId());
        return inTable && e.getCookie().and(mask).equals(cookie.and(mask));
    }

    private synchronized void send(OFMessage message) {
        ByteBuf buf = Unpooled.buffer();
        message.writeTo(buf);
        byte[] bytes = new byte[buf.readableBytes()];
        buf.readBytes(bytes);
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            // the connection is gone; the test will notice
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
