package dev.flowlab.apps.fake;

import dev.flowlab.controller.api.App;
import dev.flowlab.controller.api.Flows;
import dev.flowlab.controller.api.PacketIn;
import dev.flowlab.controller.api.Verdict;
import dev.flowlab.controller.testing.FakeSwitch;
import dev.flowlab.controller.testing.FlowTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFFlowAdd;
import org.projectfloodlight.openflow.protocol.OFMessage;
import org.projectfloodlight.openflow.protocol.OFPacketInReason;
import org.projectfloodlight.openflow.protocol.OFPacketOut;
import org.projectfloodlight.openflow.protocol.action.OFAction;
import org.projectfloodlight.openflow.protocol.action.OFActionOutput;
import org.projectfloodlight.openflow.protocol.match.MatchField;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.OFBufferId;
import org.projectfloodlight.openflow.types.OFPort;

/**
 * One {@link FakeSwitch} with one app as its controller, answering what app tests ask: a frame
 * enters on this port, which ports does it leave on? The switch starts with the controller's
 * table-miss entry; a miss goes to the app as a packet-in and its packet-outs are followed.
 */
public final class AppSwitch {
    private static final OFFactory OF13 = FakeSwitch.OF;

    private final App app;
    private final FakeSwitch sw;
    private final Map<OFBufferId, byte[]> buffers = new HashMap<>();
    private final List<OFPacketOut> pendingOuts = new ArrayList<>();
    private boolean buffering;
    private int packetIns;

    public AppSwitch(long dpid, App app, int... portNumbers) {
        this.app = app;
        this.sw = new FakeSwitch(dpid, "s" + dpid, Arrays.stream(portNumbers).boxed().toList()).packetOutsTo(pendingOuts::add);
        sw.table().apply(OF13.buildFlowAdd().setPriority(0).setMatch(OF13.buildMatch().build())
                .setInstructions(Flows.apply(OF13, Flows.output(OF13, OFPort.CONTROLLER))).build());
    }

    /** The switch the app sees. */
    public FakeSwitch sw() {
        return sw;
    }

    public DatapathId id() {
        return sw.id();
    }

    public OFFactory factory() {
        return sw.factory();
    }

    /** From now on packet-ins carry a buffer id and only the first bytes, as switches that buffer do. */
    public AppSwitch buffering() {
        buffering = true;
        return this;
    }

    /** A frame enters on {@code inPort}: the ports it leaves on (flow table first, else through the app). */
    public Set<Integer> receive(int inPort, byte[] frame) {
        OFFlowAdd entry = sw.table().lookup(OFPort.of(inPort), frame).orElseThrow(() -> new AssertionError("no table-miss entry"));
        Set<Integer> out = new TreeSet<>();
        for (OFPort port : FlowTable.outputs(entry)) {
            if (port.equals(OFPort.CONTROLLER)) {
                out.addAll(toController(inPort, frame));
            } else {
                out.addAll(expand(port, inPort));
            }
        }
        return out;
    }

    private Set<Integer> toController(int inPort, byte[] frame) {
        packetIns++;
        OFBufferId buffer = OFBufferId.NO_BUFFER;
        if (buffering) {
            buffer = OFBufferId.of(packetIns);
            buffers.put(buffer, frame);
        }
        pendingOuts.clear();
        app.onPacketIn(new PacketIn(sw, OF13.buildPacketIn().setBufferId(buffer).setReason(OFPacketInReason.NO_MATCH)
                .setMatch(OF13.buildMatch().setExact(MatchField.IN_PORT, OFPort.of(inPort)).build())
                .setTotalLen(frame.length).setData(buffering ? head(frame) : frame).build()));
        Set<Integer> out = new TreeSet<>();
        for (OFPacketOut po : pendingOuts) {
            byte[] sentFrame = po.getBufferId().equals(OFBufferId.NO_BUFFER) ? po.getData() : buffers.remove(po.getBufferId());
            if (sentFrame == null || sentFrame.length == 0) {
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
        return Arrays.copyOf(frame, Math.min(frame.length, 128));
    }

    /** FLOOD means every port that is up except the ingress one. */
    private Set<Integer> expand(OFPort port, int inPort) {
        Set<Integer> out = new TreeSet<>();
        if (port.equals(OFPort.FLOOD) || port.equals(OFPort.ALL)) {
            sw.ports().stream().filter(p -> sw.isUp(p.getPortNo()))
                    .map(p -> p.getPortNo().getPortNumber()).filter(p -> p != inPort).forEach(out::add);
        } else if (port.getPortNumber() != inPort) {  // OpenFlow drops output to the ingress port
            out.add(port.getPortNumber());
        }
        return out;
    }

    /** The link of a port goes down: the switch tells the app, as OVS does. */
    public void linkDown(int number) {
        app.onPortStatus(sw, sw.setPort(number, false));
    }

    public int packetIns() {
        return packetIns;
    }

    public FlowTable table() {
        return sw.table();
    }

    /** Every message the app sent, in order. */
    public List<OFMessage> sent() {
        return sw.sent();
    }

    public <T extends OFMessage> List<T> sent(Class<T> type) {
        return sw.sent(type);
    }

    /** Hands the app a packet-in for this frame directly (no flow table), and returns its verdict. */
    public Verdict offer(int inPort, byte[] frame) {
        return app.onPacketIn(new PacketIn(sw, OF13.buildPacketIn().setBufferId(OFBufferId.NO_BUFFER)
                .setReason(OFPacketInReason.NO_MATCH).setMatch(OF13.buildMatch().setExact(MatchField.IN_PORT, OFPort.of(inPort)).build())
                .setTotalLen(frame.length).setData(frame).build()));
    }
}
