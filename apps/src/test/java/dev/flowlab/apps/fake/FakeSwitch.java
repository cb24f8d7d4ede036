package dev.flowlab.apps.fake;

import dev.flowlab.controller.api.App;
import dev.flowlab.controller.api.Flows;
import dev.flowlab.controller.api.PacketIn;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.api.Verdict;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.projectfloodlight.openflow.protocol.OFBarrierReply;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFFlowAdd;
import org.projectfloodlight.openflow.protocol.OFFlowMod;
import org.projectfloodlight.openflow.protocol.OFMessage;
import org.projectfloodlight.openflow.protocol.OFPacketInReason;
import org.projectfloodlight.openflow.protocol.OFPacketOut;
import org.projectfloodlight.openflow.protocol.OFPortConfig;
import org.projectfloodlight.openflow.protocol.OFPortDesc;
import org.projectfloodlight.openflow.protocol.OFPortReason;
import org.projectfloodlight.openflow.protocol.OFPortState;
import org.projectfloodlight.openflow.protocol.OFStatsReply;
import org.projectfloodlight.openflow.protocol.OFStatsRequest;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.protocol.action.OFAction;
import org.projectfloodlight.openflow.protocol.action.OFActionOutput;
import org.projectfloodlight.openflow.protocol.match.MatchField;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.MacAddress;
import org.projectfloodlight.openflow.types.OFBufferId;
import org.projectfloodlight.openflow.types.OFPort;

/**
 * A switch that behaves, in memory: a {@link FlowTable} with the controller's table-miss entry,
 * ports, and one app attached as its controller. {@link #receive} answers the question tests
 * care about: a frame enters on this port, which ports does it leave on?
 */
public final class FakeSwitch implements Switch {
    private static final OFFactory OF13 = OFFactories.getFactory(OFVersion.OF_13);

    private final DatapathId dpid;
    private final App app;
    private final FlowTable table = new FlowTable();
    private final Map<OFPort, OFPortDesc> ports = new TreeMap<>();
    private final List<OFMessage> sent = new ArrayList<>();
    private final Map<OFBufferId, byte[]> buffers = new HashMap<>();
    private final List<OFPacketOut> pendingOuts = new ArrayList<>();
    private boolean buffering;
    private int packetIns;

    public FakeSwitch(long dpid, App app, int... portNumbers) {
        this.dpid = DatapathId.of(dpid);
        this.app = app;
        for (int p : portNumbers) {
            ports.put(OFPort.of(p), port(p, true));
        }
        table.apply(OF13.buildFlowAdd().setPriority(0).setMatch(OF13.buildMatch().build())
                .setInstructions(Flows.apply(OF13, Flows.output(OF13, OFPort.CONTROLLER))).build());
    }

    private static OFPortDesc port(int number, boolean up) {
        return OF13.buildPortDesc().setPortNo(OFPort.of(number)).setName("s-eth" + number)
                .setHwAddr(MacAddress.of(0x0200_0000_0000L | number)).setConfig(EnumSet.noneOf(OFPortConfig.class))
                .setState(up ? EnumSet.of(OFPortState.LIVE) : EnumSet.of(OFPortState.LINK_DOWN)).build();
    }

    /** From now on packet-ins carry a buffer id and only the first bytes, as switches that buffer do. */
    public FakeSwitch buffering() {
        buffering = true;
        return this;
    }

    /** A frame enters on {@code inPort}: the ports it leaves on (flow table first, else through the app). */
    public Set<Integer> receive(int inPort, byte[] frame) {
        Packet packet = new Packet(OFPort.of(inPort), frame);
        OFFlowAdd entry = table.lookup(packet).orElseThrow(() -> new AssertionError("no table-miss entry"));
        Set<Integer> out = new TreeSet<>();
        for (OFPort port : FlowTable.outputs(entry)) {
            if (port.equals(OFPort.CONTROLLER)) {
                out.addAll(toController(packet));
            } else {
                out.addAll(expand(port, inPort));
            }
        }
        return out;
    }

    private Set<Integer> toController(Packet packet) {
        packetIns++;
        OFBufferId buffer = OFBufferId.NO_BUFFER;
        if (buffering) {
            buffer = OFBufferId.of(packetIns);
            buffers.put(buffer, packet.frame());
        }
        pendingOuts.clear();
        app.onPacketIn(new PacketIn(this, OF13.buildPacketIn().setBufferId(buffer).setReason(OFPacketInReason.NO_MATCH)
                .setMatch(OF13.buildMatch().setExact(MatchField.IN_PORT, packet.inPort()).build())
                .setTotalLen(packet.frame().length).setData(buffering ? head(packet.frame()) : packet.frame()).build()));
        Set<Integer> out = new TreeSet<>();
        for (OFPacketOut po : pendingOuts) {
            byte[] frame = po.getBufferId().equals(OFBufferId.NO_BUFFER) ? po.getData() : buffers.remove(po.getBufferId());
            if (frame == null || frame.length == 0) {
                throw new AssertionError("packet-out carries neither data nor a live buffer id: " + po);
            }
            for (OFAction action : po.getActions()) {
                if (action instanceof OFActionOutput output) {   // header rewrites do not change where it goes
                    out.addAll(expand(output.getPort(), po.getInPort().getPortNumber()));
                }
            }
        }
        return out;
    }

    /** A buffering switch sends the packet's first bytes (default miss_send_len 128) with the buffer id. */
    private static byte[] head(byte[] frame) {
        return java.util.Arrays.copyOf(frame, Math.min(frame.length, 128));
    }

    /** FLOOD means every port that is up except the ingress one. */
    private Set<Integer> expand(OFPort port, int inPort) {
        Set<Integer> out = new TreeSet<>();
        if (port.equals(OFPort.FLOOD) || port.equals(OFPort.ALL)) {
            ports.values().stream().filter(p -> p.getState().contains(OFPortState.LIVE))
                    .map(p -> p.getPortNo().getPortNumber()).filter(p -> p != inPort).forEach(out::add);
        } else if (port.getPortNumber() != inPort) {  // OpenFlow drops output to the ingress port
            out.add(port.getPortNumber());
        }
        return out;
    }

    /** The link of a port goes down: the switch tells the app, as OVS does. */
    public void linkDown(int number) {
        OFPortDesc down = port(number, false);
        ports.put(OFPort.of(number), down);
        app.onPortStatus(this, OF13.buildPortStatus().setReason(OFPortReason.MODIFY).setDesc(down).build());
    }

    public int packetIns() {
        return packetIns;
    }

    public FlowTable table() {
        return table;
    }

    /** Every message the app sent, in order. */
    public List<OFMessage> sent() {
        return List.copyOf(sent);
    }

    public <T extends OFMessage> List<T> sent(Class<T> type) {
        return sent.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public Verdict offer(int inPort, byte[] frame) {
        return app.onPacketIn(new PacketIn(this, OF13.buildPacketIn().setBufferId(OFBufferId.NO_BUFFER)
                .setReason(OFPacketInReason.NO_MATCH).setMatch(OF13.buildMatch().setExact(MatchField.IN_PORT, OFPort.of(inPort)).build())
                .setTotalLen(frame.length).setData(frame).build()));
    }

    @Override
    public void send(OFMessage message) {
        sent.add(message);
        if (message instanceof OFFlowMod mod) {
            table.apply(mod);
        } else if (message instanceof OFPacketOut out) {
            pendingOuts.add(out);
        }
    }

    @Override
    public DatapathId id() {
        return dpid;
    }

    @Override
    public List<OFPortDesc> ports() {
        return List.copyOf(ports.values());
    }

    @Override
    public Optional<OFPortDesc> port(OFPort number) {
        return Optional.ofNullable(ports.get(number));
    }

    @Override
    public OFFactory factory() {
        return OF13;
    }

    @Override
    public CompletableFuture<OFBarrierReply> barrier() {
        return CompletableFuture.completedFuture(OF13.buildBarrierReply().build());
    }

    @Override
    public <R extends OFStatsReply> CompletableFuture<List<R>> request(OFStatsRequest<R> request) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("fake switch has no stats"));
    }

    @Override
    public boolean isConnected() {
        return true;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return InetSocketAddress.createUnresolved("fake", (int) dpid.getLong());
    }
}
