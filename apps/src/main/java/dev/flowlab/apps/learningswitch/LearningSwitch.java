package dev.flowlab.apps.learningswitch;

import dev.flowlab.controller.api.App;
import dev.flowlab.controller.api.Ethernet;
import dev.flowlab.controller.api.Flows;
import dev.flowlab.controller.api.PacketIn;
import dev.flowlab.controller.api.Ports;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.api.Verdict;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFFlowAdd;
import org.projectfloodlight.openflow.protocol.OFPortStatus;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.MacAddress;
import org.projectfloodlight.openflow.types.OFGroup;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.U64;

/**
 * An Ethernet learning switch: remembers, per switch, which port each MAC address was last seen
 * on; sends a packet for a known destination out of that port and installs a flow so the next
 * ones stay in the switch; floods the rest.
 */
public final class LearningSwitch implements App {
    public static final String ID = "learning-switch";
    static final int PRIORITY = 1;
    /** Flows idle this long expire, so a host that moved or left is re-learned. */
    static final int IDLE_TIMEOUT_SECONDS = 60;
    private static final U64 COOKIE = Flows.cookie(ID);

    // dpid -> (MAC -> port). Concurrent: switches run on different threads, and a reconnecting switch may change thread.
    private final Map<DatapathId, Map<MacAddress, OFPort>> macToPort = new ConcurrentHashMap<>();

    @Override
    public Verdict onPacketIn(PacketIn in) {
        Ethernet eth = in.ethernet();
        if (eth.isLldp()) {
            return Verdict.CONTINUE;  // link discovery's business, not traffic to forward
        }
        Map<MacAddress, OFPort> table = macToPort.computeIfAbsent(in.sw().id(), dpid -> new ConcurrentHashMap<>());
        table.put(eth.source(), in.inPort());  // learn where the sender lives

        OFPort out = table.get(eth.destination());
        if (out == null) {  // unknown or broadcast destination: flood and bail
            in.flood();
            return Verdict.HANDLED;
        }
        if (out.equals(in.inPort())) {  // destination is back where the packet came from: nothing to do
            return Verdict.HANDLED;
        }
        in.sw().send(flowTo(in.sw().factory(), in.inPort(), eth, out));
        in.forward(out);
        return Verdict.HANDLED;
    }

    private static OFFlowAdd flowTo(OFFactory of, OFPort inPort, Ethernet eth, OFPort out) {
        return of.buildFlowAdd()
                .setCookie(COOKIE)
                .setPriority(PRIORITY)
                .setIdleTimeout(IDLE_TIMEOUT_SECONDS)
                .setMatch(Flows.match(of, of.oxms().inPort(inPort), of.oxms().ethSrc(eth.source()),
                        of.oxms().ethDst(eth.destination())))
                .setInstructions(Flows.apply(of, Flows.output(of, out)))
                .build();
    }

    @Override
    public void onPortStatus(Switch sw, OFPortStatus status) {
        if (!Ports.wentDown(status)) {
            return;
        }
        OFPort port = status.getDesc().getPortNo();
        Map<MacAddress, OFPort> table = macToPort.get(sw.id());
        if (table != null) {
            table.values().removeIf(port::equals);  // hosts behind a dead port must be learned again
        }
        // Our flows into the dead port would black-hole traffic until they idle out.
        sw.send(sw.factory().buildFlowDelete()
                .setCookie(COOKIE)
                .setCookieMask(Flows.APP_COOKIE_MASK)
                .setOutPort(port)
                .setOutGroup(OFGroup.ANY)
                .build());
    }

    @Override
    public void onSwitchDown(DatapathId dpid) {
        macToPort.remove(dpid);
    }
}
