package dev.flowlab.controller.vlan;

import dev.flowlab.controller.VlanPorts;
import dev.flowlab.controller.api.Ethernet;
import dev.flowlab.controller.api.Flows;
import dev.flowlab.controller.api.VlanRole;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.projectfloodlight.openflow.protocol.OFBucket;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFFlowAdd;
import org.projectfloodlight.openflow.protocol.OFFlowDelete;
import org.projectfloodlight.openflow.protocol.OFFlowDeleteStrict;
import org.projectfloodlight.openflow.protocol.OFFlowMod;
import org.projectfloodlight.openflow.protocol.OFMessage;
import org.projectfloodlight.openflow.protocol.OFPacketOut;
import org.projectfloodlight.openflow.protocol.OFPortDesc;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.protocol.action.OFAction;
import org.projectfloodlight.openflow.protocol.action.OFActionOutput;
import org.projectfloodlight.openflow.protocol.instruction.OFInstruction;
import org.projectfloodlight.openflow.protocol.instruction.OFInstructionApplyActions;
import org.projectfloodlight.openflow.protocol.instruction.OFInstructionGotoTable;
import org.projectfloodlight.openflow.protocol.instruction.OFInstructionWriteActions;
import org.projectfloodlight.openflow.protocol.OFMatchV3;
import org.projectfloodlight.openflow.protocol.match.Match;
import org.projectfloodlight.openflow.protocol.oxm.OFOxm;
import org.projectfloodlight.openflow.protocol.OFOxmList;
import org.projectfloodlight.openflow.protocol.match.MatchField;
import org.projectfloodlight.openflow.types.EthType;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.OFVlanVidMatch;
import org.projectfloodlight.openflow.types.TableId;

/**
 * The VLAN stage of one switch: the core entries its pipeline starts with, and the rewriting of every
 * flow-mod and packet-out the apps send, so that apps written for one flat table keep VLANs apart.
 * Without VLAN roles in the network, a switch keeps the plain single-table pipeline, untouched.
 *
 * <p>Apps write their entries for table 0; on a VLAN switch they land in {@link VlanPipeline#APPS_TABLE}
 * (goto-table targets shift alike). An entry that matches one VLAN has its outputs rewritten for it
 * ({@link EgressActions}); an entry that does not say its VLAN is installed once per VLAN of the switch
 * that can reach one of its outputs, each copy matching that VLAN, so a VLAN-blind app cannot join two.
 */
public final class VlanStage {
    private final OFFactory of;
    private final VlanPorts vlanPorts;
    private final Supplier<Collection<OFPortDesc>> ports;
    private final boolean active;
    private final EgressActions egress;
    private volatile Roles rolesCache;   // any thread may send; a lost race only derives the roles twice

    /**
     * @param ports the switch's ports, kept current (the stage reads them at each message)
     */
    public VlanStage(OFFactory of, VlanPorts vlanPorts, Supplier<Collection<OFPortDesc>> ports) {
        this.of = of;
        this.vlanPorts = vlanPorts;
        this.ports = ports;
        this.active = vlanPorts.any();   // not only this switch's ports: a userspace-datapath port may attach later
        this.egress = new EgressActions(of, port -> roles().getOrDefault(port, VlanRole.NONE),
                () -> new ArrayList<>(roles().keySet()), this::tpid);
    }

    /** Whether the network has VLAN roles, and so this switch the multi-table pipeline. */
    public boolean active() {
        return active;
    }

    /**
     * The entries the handshake installs: the table-miss, and with VLAN roles the ingress table before it.
     * None on OpenFlow 1.0: a miss goes to the controller by itself there, and with one table there is no
     * VLAN stage (the handshake refuses a 1.0 switch in a network with VLANs).
     */
    public List<OFFlowAdd> baseEntries() {
        if (of.getVersion() == OFVersion.OF_10) {
            return List.of();
        }
        if (!active) {
            return List.of(VlanPipeline.tableMiss(of, TableId.ZERO));
        }
        Map<OFPort, VlanRole> roles = new LinkedHashMap<>(roles());
        roles.values().removeIf(r -> r.kind() == VlanRole.Kind.NONE);
        return VlanPipeline.vlanEntries(of, roles);
    }

    /**
     * Why a group with these buckets may not go to a switch of a network with VLAN roles, if it may not. A
     * bucket's output leaves without the egress rewrite this stage gives flows and packet-outs: a group is not
     * told which VLAN the frame reaching it is in (flows of every VLAN may point to it), so it could not pop
     * the tag before an access port nor keep the frame out of ports of other VLANs. Outputs to the controller
     * are harmless; any other output is refused, so REST and apps alike get the same clear answer.
     */
    public static Optional<String> groupRefusal(List<OFBucket> buckets) {
        for (OFBucket b : buckets) {
            for (OFAction a : b.getActions()) {
                if (a instanceof OFActionOutput o && !o.getPort().equals(OFPort.CONTROLLER)) {
                    return Optional.of("this network has VLAN roles, and a group's bucket output (here to port "
                            + o.getPort() + ") would bypass the VLAN stage's egress tagging (a group cannot tell which"
                            + " VLAN a frame is in); output to ports from the flows' own actions instead");
                }
            }
        }
        return Optional.empty();
    }

    /** The VLAN ingress entries of a port that attached after the handshake (none without a role). */
    public List<OFFlowAdd> ingressEntries(OFPortDesc port) {
        VlanRole role = vlanPorts.role(port.getName());
        if (!active || role.kind() == VlanRole.Kind.NONE) {
            return List.of();
        }
        return VlanPipeline.ingress(of, port.getPortNo(), role);
    }

    /** The messages to send in place of {@code message} (itself when the stage has nothing to do). */
    public List<OFMessage> translate(OFMessage message) {
        if (!active) {
            return List.of(message);
        }
        if (message instanceof OFPacketOut out) {
            return List.of(packetOut(out));
        }
        if (message instanceof OFFlowMod mod) {
            return List.copyOf(flowMod(mod));
        }
        return List.of(message);
    }

    /**
     * The packet-out to send in place of {@code out}, a packet-out of the frame {@code frame} views (a packet-in's,
     * parsed by an app already): its VLAN comes from the view, so the bytes are not parsed a second time, and a
     * buffered packet (no bytes in the packet-out) is known to be in its VLAN too.
     */
    public OFPacketOut translate(OFPacketOut out, Ethernet frame) {
        return active ? packetOut(out, vlanOf(frame)) : out;
    }

    private OFPacketOut packetOut(OFPacketOut out) {
        byte[] data = out.getData();
        return packetOut(out, data == null || data.length == 0 ? EgressActions.UNTAGGED : vlanOf(Ethernet.of(data)));
    }

    private static int vlanOf(Ethernet frame) {
        return frame.vlan().map(t -> t.vid()).orElse(EgressActions.UNTAGGED);
    }

    private OFPacketOut packetOut(OFPacketOut out, int vlan) {
        List<OFAction> actions = egress.rewrite(out.getActions(), vlan, Flows.inPortOf(out), vlan == EgressActions.UNTAGGED)
                .actions();
        return out.createBuilder().setActions(actions).build();
    }

    private List<OFFlowMod> flowMod(OFFlowMod mod) {
        OFFlowMod.Builder moved = mod.createBuilder();
        if (!mod.getTableId().equals(TableId.ALL)) {
            moved.setTableId(shift(mod.getTableId()));
        }
        if (mod instanceof OFFlowDelete || mod instanceof OFFlowDeleteStrict) {
            return List.of(moved.build());
        }
        OFVlanVidMatch matched = mod.getMatch().isExact(MatchField.VLAN_VID) ? mod.getMatch().get(MatchField.VLAN_VID) : null;
        if (matched != null) {
            int vlan = matched.equals(OFVlanVidMatch.UNTAGGED) ? EgressActions.UNTAGGED : matched.getVlan();
            return List.of(moved.setInstructions(rewrite(mod.getInstructions(), vlan).instructions).build());
        }
        if (outputs(mod.getInstructions()) == 0) {
            return List.of(moved.setInstructions(rewrite(mod.getInstructions(), EgressActions.UNTAGGED).instructions)
                    .build());
        }
        List<OFFlowMod> copies = new ArrayList<>();
        for (int vlan : vlans()) {
            Rewritten r = rewrite(mod.getInstructions(), vlan);
            if (r.outputs > 0) {
                OFVlanVidMatch vid = vlan == EgressActions.UNTAGGED ? OFVlanVidMatch.UNTAGGED : OFVlanVidMatch.ofVlan(vlan);
                Match match = withVlan(mod.getMatch(), vid);
                copies.add(moved.setMatch(match).setInstructions(r.instructions).build());
            }
        }
        return copies;
    }

    /**
     * The match plus an exact VLAN. Built from the OXM list: openflowj's {@code createBuilder()} on a
     * match made with {@code buildMatch()} starts from an empty field set and would drop the others.
     */
    private Match withVlan(Match match, OFVlanVidMatch vid) {
        List<OFOxm<?>> fields = new ArrayList<>();
        if (match instanceof OFMatchV3 v3) {
            v3.getOxmList().forEach(fields::add);
        }
        fields.add(of.oxms().vlanVid(vid));
        return of.buildMatchV3().setOxmList(OFOxmList.of(fields.toArray(new OFOxm<?>[0]))).build();
    }

    private record Rewritten(List<OFInstruction> instructions, int outputs) {
    }

    private Rewritten rewrite(List<OFInstruction> instructions, int vlan) {
        List<OFInstruction> out = new ArrayList<>();
        int outputs = 0;
        for (OFInstruction i : instructions) {
            if (i instanceof OFInstructionApplyActions apply) {
                EgressActions.Result r = egress.rewrite(apply.getActions(), vlan, OFPort.ANY, false);
                outputs += r.outputs();
                out.add(of.instructions().applyActions(r.actions()));
            } else if (i instanceof OFInstructionWriteActions write) {
                EgressActions.Result r = egress.rewrite(write.getActions(), vlan, OFPort.ANY, false);
                outputs += r.outputs();
                out.add(of.instructions().writeActions(r.actions()));
            } else if (i instanceof OFInstructionGotoTable go) {
                out.add(of.instructions().gotoTable(shift(go.getTableId())));
            } else {
                out.add(i);
            }
        }
        return new Rewritten(out, outputs);
    }

    private static int outputs(List<OFInstruction> instructions) {
        int n = 0;
        for (OFInstruction i : instructions) {
            List<OFAction> actions = i instanceof OFInstructionApplyActions a ? a.getActions()
                    : i instanceof OFInstructionWriteActions w ? w.getActions() : List.of();
            for (OFAction a : actions) {
                if (a instanceof OFActionOutput o && (EgressActions.isPhysical(o.getPort())
                        || o.getPort().equals(OFPort.FLOOD) || o.getPort().equals(OFPort.ALL))) {
                    n++;
                }
            }
        }
        return n;
    }

    private static TableId shift(TableId table) {
        return TableId.of(table.getValue() + VlanPipeline.APPS_TABLE.getValue());
    }

    /** Every VLAN a frame in the apps' table of this switch can be in, untagged included. */
    private Set<Integer> vlans() {
        Set<Integer> vlans = new TreeSet<>();
        vlans.add(EgressActions.UNTAGGED);
        for (VlanRole r : roles().values()) {
            if (r.kind() == VlanRole.Kind.ACCESS || r.kind() == VlanRole.Kind.TUNNEL) {
                vlans.add(r.vid());
            }
            vlans.addAll(r.allowed());
        }
        return vlans;
    }

    private EthType tpid(int vlan) {
        boolean service = roles().values().stream().anyMatch(r -> r.kind() == VlanRole.Kind.TUNNEL && r.vid() == vlan);
        return service ? VlanPipeline.TPID_8021AD : VlanPipeline.TPID_8021Q;
    }

    /** The roles derived from one port list (the switch's list is the same instance until a port changes). */
    private record Roles(Collection<OFPortDesc> ports, Map<OFPort, VlanRole> byPort) {
    }

    /**
     * Each port's role, derived again only when the port list changed: egress rewriting asks for it per
     * action of every packet-out and flow-mod, and rebuilding it each time cost a map per action.
     */
    private Map<OFPort, VlanRole> roles() {
        Collection<OFPortDesc> current = ports.get();
        Roles cached = rolesCache;
        if (cached == null || cached.ports() != current) {
            Map<OFPort, VlanRole> roles = new LinkedHashMap<>();
            for (OFPortDesc p : current) {
                if (EgressActions.isPhysical(p.getPortNo())) {
                    roles.put(p.getPortNo(), vlanPorts.role(p.getName()));
                }
            }
            cached = new Roles(current, Collections.unmodifiableMap(roles));
            rolesCache = cached;
        }
        return cached.byPort();
    }
}
