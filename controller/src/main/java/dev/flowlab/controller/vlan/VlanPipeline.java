package dev.flowlab.controller.vlan;

import dev.flowlab.controller.api.Flows;
import dev.flowlab.controller.api.VlanRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFFlowAdd;
import org.projectfloodlight.openflow.protocol.action.OFAction;
import org.projectfloodlight.openflow.protocol.instruction.OFInstruction;
import org.projectfloodlight.openflow.protocol.match.Match;
import org.projectfloodlight.openflow.types.EthType;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.OFVlanVidMatch;
import org.projectfloodlight.openflow.types.TableId;
import org.projectfloodlight.openflow.types.U64;

/**
 * The core entries of a switch's pipeline, installed by the handshake before the switch is up.
 *
 * <p>Without VLAN roles: one table, the apps' entries and the table-miss to the controller in table 0.
 * With VLAN roles, as FAUCET does it, classification comes first:
 * <pre>
 * table 0  VLAN ingress: access port: untagged -> push 0x8100 + VID, goto 1; tagged -> drop
 *                        trunk: tagged with an allowed VID -> goto 1; anything else -> drop
 *                        802.1ad tunnel port: push 0x88a8 + service VID over whatever came, goto 1
 *                        LLDP (link discovery) and ports without a role -> goto 1 as they are
 * table 1  the apps' table: every frame carries its VLAN here; miss -> controller
 * egress   in the apps' actions (OpenFlow 1.3 has no egress table): {@link EgressActions} pops the tag
 *          before an access or tunnel port, keeps it on a trunk, drops outputs outside the VLAN
 * </pre>
 */
public final class VlanPipeline {
    /** The VLAN ingress table. */
    public static final TableId INGRESS_TABLE = TableId.of(0);
    /** Where apps' entries go on a switch with VLAN roles (apps write table 0; the stage moves them). */
    public static final TableId APPS_TABLE = TableId.of(1);
    /** The cookie of the core's own entries, so {@code dump-flows} shows who installed them. */
    public static final U64 CORE_COOKIE = Flows.cookie("flowlab");
    static final EthType TPID_8021Q = EthType.of(0x8100);
    static final EthType TPID_8021AD = EthType.of(0x88a8);

    private static final int LLDP_PRIORITY = 300;
    private static final int ADMIT_PRIORITY = 200;
    private static final int DROP_PRIORITY = 100;

    private VlanPipeline() {
    }

    /** The table-miss entry of the apps' table: no match, to the controller. */
    public static OFFlowAdd tableMiss(OFFactory of, TableId table) {
        return of.buildFlowAdd()
                .setCookie(CORE_COOKIE)
                .setTableId(table)
                .setPriority(0)
                .setMatch(of.buildMatch().build())
                .setInstructions(Flows.apply(of, Flows.output(of, OFPort.CONTROLLER)))
                .build();
    }

    /** The VLAN ingress entries of table 0 for these ports' roles, then the apps' table-miss. */
    static List<OFFlowAdd> vlanEntries(OFFactory of, Map<OFPort, VlanRole> roles) {
        List<OFFlowAdd> entries = new ArrayList<>();
        entries.add(entry(of, LLDP_PRIORITY, Flows.match(of, of.oxms().ethType(EthType.LLDP)), List.of()));
        entries.add(entry(of, 0, of.buildMatch().build(), List.of()));  // ports without a role: as they are
        roles.forEach((port, role) -> entries.addAll(ingress(of, port, role)));
        entries.add(tableMiss(of, APPS_TABLE));
        return entries;
    }

    /** One port's entries in the VLAN ingress table. */
    static List<OFFlowAdd> ingress(OFFactory of, OFPort port, VlanRole role) {
        List<OFFlowAdd> entries = new ArrayList<>();
        switch (role.kind()) {
            case ACCESS -> {
                entries.add(entry(of, ADMIT_PRIORITY,
                        Flows.match(of, of.oxms().inPort(port), of.oxms().vlanVid(OFVlanVidMatch.UNTAGGED)),
                        push(of, TPID_8021Q, role.vid())));
                entries.add(drop(of, port));
            }
            case TRUNK -> {
                if (role.allowed().isEmpty()) {
                    entries.add(entry(of, ADMIT_PRIORITY, Flows.match(of, of.oxms().inPort(port),
                            of.oxms().vlanVidMasked(OFVlanVidMatch.PRESENT, OFVlanVidMatch.PRESENT)), List.of()));
                }
                for (int vid : role.allowed()) {
                    entries.add(entry(of, ADMIT_PRIORITY, Flows.match(of, of.oxms().inPort(port),
                            of.oxms().vlanVid(OFVlanVidMatch.ofVlan(vid))), List.of()));
                }
                entries.add(drop(of, port));
            }
            case TUNNEL -> entries.add(entry(of, ADMIT_PRIORITY, Flows.match(of, of.oxms().inPort(port)),
                    push(of, TPID_8021AD, role.vid())));
            case NONE -> {
            }
        }
        return entries;
    }

    /** Actions that put a frame into VLAN {@code vid} under a new outer tag. */
    static List<OFAction> push(OFFactory of, EthType tpid, int vid) {
        return List.of(of.actions().pushVlan(tpid),
                of.actions().setField(of.oxms().vlanVid(OFVlanVidMatch.ofVlan(vid))));
    }

    private static OFFlowAdd drop(OFFactory of, OFPort port) {
        return of.buildFlowAdd().setCookie(CORE_COOKIE).setTableId(INGRESS_TABLE).setPriority(DROP_PRIORITY)
                .setMatch(Flows.match(of, of.oxms().inPort(port))).setInstructions(List.of()).build();
    }

    private static OFFlowAdd entry(OFFactory of, int priority, Match match, List<OFAction> actions) {
        List<OFInstruction> instructions = new ArrayList<>();
        if (!actions.isEmpty()) {
            instructions.add(of.instructions().applyActions(actions));
        }
        instructions.add(of.instructions().gotoTable(APPS_TABLE));
        return of.buildFlowAdd().setCookie(CORE_COOKIE).setTableId(INGRESS_TABLE).setPriority(priority)
                .setMatch(match).setInstructions(instructions).build();
    }
}
