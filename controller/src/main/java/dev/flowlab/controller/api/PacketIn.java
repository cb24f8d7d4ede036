package dev.flowlab.controller.api;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFPacketIn;
import org.projectfloodlight.openflow.protocol.OFPacketOut;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.protocol.action.OFAction;
import org.projectfloodlight.openflow.protocol.match.MatchField;
import org.projectfloodlight.openflow.types.OFBufferId;
import org.projectfloodlight.openflow.types.OFPort;

/**
 * One packet that reached the controller, with its switch, its ingress port and a parsed view of
 * the frame. The frame is parsed once, on first use, and shared by every app in the chain (no
 * context bag, no copy per app).
 */
public final class PacketIn {
    /** The flood action of each version, made once: flooding is the hot path of hubs and learning switches. */
    private static final Map<OFVersion, List<OFAction>> FLOOD = new EnumMap<>(OFVersion.class);

    static {
        for (OFVersion v : OFVersion.values()) {
            FLOOD.put(v, List.of(Flows.output(OFFactories.getFactory(v), OFPort.FLOOD)));
        }
    }

    private final Switch sw;
    private final OFPacketIn message;
    private OFPort inPort;
    private Ethernet ethernet;

    /** Wraps a packet-in received from {@code sw}; the controller does this, tests may too. */
    public PacketIn(Switch sw, OFPacketIn message) {
        this.sw = Objects.requireNonNull(sw, "sw");
        this.message = Objects.requireNonNull(message, "message");
    }

    /** The switch that sent the packet. */
    public Switch sw() {
        return sw;
    }

    /** The OpenFlow message as received. */
    public OFPacketIn message() {
        return message;
    }

    /** The port the packet entered the switch on (the IN_PORT field of the packet-in's match; in 1.0, its in_port). */
    public OFPort inPort() {
        if (inPort == null) {
            OFPort port = message.getVersion() == OFVersion.OF_10 ? message.getInPort()
                    : message.getMatch().get(MatchField.IN_PORT);
            inPort = port == null ? OFPort.ANY : port;
        }
        return inPort;
    }

    /** The frame, parsed on first call and then shared. */
    public Ethernet ethernet() {
        if (ethernet == null) {
            ethernet = Ethernet.of(message.getData());
        }
        return ethernet;
    }

    /** Sends the packet out of one port (packet-out with the switch's buffer when it has one). */
    public void forward(OFPort out) {
        packetOut(List.of(Flows.output(sw.factory(), out)));
    }

    /** Sends the packet out of every port except the one it came in on. */
    public void flood() {
        packetOut(FLOOD.get(message.getVersion()));
    }

    /**
     * Sends the packet back to the switch with these actions. A packet the switch buffered is
     * released by buffer id; otherwise the packet's bytes go back in the packet-out.
     */
    public void packetOut(List<? extends OFAction> actions) {
        OFBufferId buffer = message.getBufferId();
        OFPacketOut out = buffer.equals(OFBufferId.NO_BUFFER)
                ? Flows.packetOut(sw.factory(), inPort(), actions, message.getData())
                : Flows.packetOutOfBuffer(sw.factory(), buffer, inPort(), actions);
        if (ethernet != null) {
            sw.sendPacketOut(out, ethernet);   // an app parsed the frame: the VLAN stage reads the view, not the bytes again
        } else {
            sw.send(out);
        }
    }

    @Override
    public String toString() {
        return "PacketIn[dpid=" + sw.id() + " in_port=" + inPort() + " " + ethernet() + "]";
    }
}
