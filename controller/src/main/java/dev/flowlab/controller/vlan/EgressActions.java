package dev.flowlab.controller.vlan;

import dev.flowlab.controller.api.Flows;
import dev.flowlab.controller.api.VlanRole;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.action.OFAction;
import org.projectfloodlight.openflow.protocol.action.OFActionOutput;
import org.projectfloodlight.openflow.protocol.action.OFActionSetField;
import org.projectfloodlight.openflow.protocol.oxm.OFOxmVlanVid;
import org.projectfloodlight.openflow.types.EthType;
import org.projectfloodlight.openflow.types.OFPort;

/**
 * The egress half of the VLAN stage: rewrites an app's action list for the VLAN its frame carries in
 * the apps' table. An output to a port outside that VLAN is dropped; before an access or tunnel port
 * the tag is popped, on a trunk it stays; FLOOD and ALL become outputs to the VLAN's own ports.
 * Outputs that keep the tag go first, so one pop serves all the untagged ones.
 */
final class EgressActions {
    /** The VLAN of a frame without a tag (a port with no role, LLDP, a frame the controller made). */
    static final int UNTAGGED = -1;

    private final OFFactory of;
    private final Function<OFPort, VlanRole> roles;
    private final Supplier<List<OFPort>> ports;
    private final Function<Integer, EthType> tpid;

    /**
     * @param roles the role of each port of the switch
     * @param ports the switch's ports now (what FLOOD reaches)
     * @param tpid  the outer tag type of a VLAN on this switch (802.1ad for a service VLAN)
     */
    EgressActions(OFFactory of, Function<OFPort, VlanRole> roles, Supplier<List<OFPort>> ports,
                  Function<Integer, EthType> tpid) {
        this.of = of;
        this.roles = roles;
        this.ports = ports;
        this.tpid = tpid;
    }

    /** The rewritten actions and how many outputs to ports they still have. */
    record Result(List<OFAction> actions, int outputs) {
    }

    /**
     * @param vlan     the frame's VLAN in the apps' table, or {@link #UNTAGGED}
     * @param inPort   the frame's ingress port when known (FLOOD skips it), else {@link OFPort#ANY}
     * @param madeHere true for a packet-out whose untagged frame the controller built: an explicit
     *                 output then sends it as it is (a proxy ARP reply, an LLDP probe)
     */
    Result rewrite(List<OFAction> actions, int vlan, OFPort inPort, boolean madeHere) {
        List<OFAction> out = new ArrayList<>();
        List<Exit> run = new ArrayList<>();
        boolean[] tagged = {vlan != UNTAGGED};
        int outputs = 0;
        for (OFAction action : actions) {
            if (action instanceof OFActionOutput o) {
                run.addAll(exits(o.getPort(), vlan, inPort, madeHere));
                continue;
            }
            outputs += emit(run, vlan, tagged, out);
            out.add(action);
            if (action instanceof OFActionSetField set && set.getField() instanceof OFOxmVlanVid vid && vlan != UNTAGGED) {
                vlan = vid.getValue().getVlan();   // the app moved the frame to another VLAN (a router on a stick)
            }
        }
        outputs += emit(run, vlan, tagged, out);
        return new Result(out, outputs);
    }

    /** Where one output goes: a port and whether the frame leaves it with its tag. */
    private record Exit(OFPort port, boolean keepTag, boolean physical) {
    }

    private List<Exit> exits(OFPort port, int vlan, OFPort inPort, boolean madeHere) {
        if (port.equals(OFPort.FLOOD) || port.equals(OFPort.ALL)) {
            List<Exit> all = new ArrayList<>();
            for (OFPort p : ports.get()) {
                if (!p.equals(inPort)) {
                    exit(p, vlan, false).ifPresent(all::add);
                }
            }
            return all;
        }
        if (!isPhysical(port)) {
            return List.of(new Exit(port, true, false));  // CONTROLLER, LOCAL, IN_PORT...: as it is
        }
        return exit(port, vlan, madeHere).map(List::of).orElse(List.of());
    }

    private Optional<Exit> exit(OFPort port, int vlan, boolean madeHere) {
        VlanRole role = roles.apply(port);
        if (vlan == UNTAGGED) {
            return madeHere || role.kind() == VlanRole.Kind.NONE
                    ? Optional.of(new Exit(port, true, true)) : Optional.empty();
        }
        if (!role.carries(vlan)) {
            return Optional.empty();
        }
        return Optional.of(new Exit(port, !role.pops(), true));
    }

    private int emit(List<Exit> run, int vlan, boolean[] tagged, List<OFAction> out) {
        run.sort(Comparator.comparing(e -> !e.keepTag()));  // tagged exits first: one pop for the rest
        int physical = 0;
        for (Exit e : run) {
            if (vlan != UNTAGGED && e.keepTag() != tagged[0]) {
                if (tagged[0]) {
                    out.add(of.actions().popVlan());
                } else {
                    out.addAll(VlanPipeline.push(of, tpid.apply(vlan), vlan));
                }
                tagged[0] = !tagged[0];
            }
            out.add(Flows.output(of, e.port()));
            physical += e.physical() ? 1 : 0;
        }
        run.clear();
        return physical;
    }

    static boolean isPhysical(OFPort port) {
        return port.getPortNumber() != 0 && Integer.compareUnsigned(port.getPortNumber(), OFPort.MAX.getPortNumber()) <= 0;
    }
}
