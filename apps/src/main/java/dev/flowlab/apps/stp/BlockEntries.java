package dev.flowlab.apps.stp;

import dev.flowlab.controller.api.Flows;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFFlowAdd;
import org.projectfloodlight.openflow.protocol.OFFlowDelete;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.U64;

/**
 * The one flow entry that blocks a port: everything entering on it is dropped. Its priority sits
 * under link discovery's LLDP entry (65000), so probes still reach the controller and a blocked cable
 * stays known, and above every app's entries, so no app forwards what came in on a blocked port.
 */
final class BlockEntries {
    static final int PRIORITY = 60000;
    static final U64 COOKIE = Flows.cookie(SpanningTree.ID);

    private BlockEntries() {
    }

    static OFFlowAdd block(OFFactory of, OFPort port) {
        return of.buildFlowAdd().setCookie(COOKIE).setPriority(PRIORITY)
                .setMatch(Flows.match(of, of.oxms().inPort(port)))
                .build();   // no instructions: drop
    }

    static OFFlowDelete unblock(OFFactory of, OFPort port) {
        return Flows.deleteByCookie(of, COOKIE, U64.NO_MASK).setMatch(Flows.match(of, of.oxms().inPort(port))).build();
    }
}
