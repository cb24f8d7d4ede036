package dev.flowlab.controller.openflow;

import dev.flowlab.controller.api.Role;
import dev.flowlab.controller.role.RoleClaim;
import org.projectfloodlight.openflow.protocol.OFBadRequestCode;
import org.projectfloodlight.openflow.protocol.OFControllerRole;
import org.projectfloodlight.openflow.protocol.OFErrorMsg;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFMessage;
import org.projectfloodlight.openflow.protocol.OFRoleRequest;
import org.projectfloodlight.openflow.protocol.OFRoleRequestFailedCode;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.protocol.errormsg.OFBadRequestErrorMsg;
import org.projectfloodlight.openflow.protocol.errormsg.OFRoleRequestFailedErrorMsg;
import org.projectfloodlight.openflow.types.U64;

/** Building ROLE_REQUESTs and reading what switches answer to them: the role vocabulary of the wire. */
final class RoleMessages {
    private RoleMessages() {
    }

    /** ROLE_REQUEST exists from OpenFlow 1.2; an older switch treats every controller as equal. */
    static boolean supported(OFFactory factory) {
        return factory.getVersion().compareTo(OFVersion.OF_12) >= 0;
    }

    static OFRoleRequest request(OFFactory factory, RoleClaim claim) {
        return factory.buildRoleRequest()
                .setXid(factory.nextXid())
                .setRole(switch (claim.role()) {
                    case MASTER -> OFControllerRole.ROLE_MASTER;
                    case SLAVE -> OFControllerRole.ROLE_SLAVE;
                    case EQUAL -> OFControllerRole.ROLE_EQUAL;
                })
                .setGenerationId(U64.of(claim.generationId()))
                .build();
    }

    static Role role(OFControllerRole role) {
        return switch (role) {
            case ROLE_MASTER -> Role.MASTER;
            case ROLE_SLAVE -> Role.SLAVE;
            default -> Role.EQUAL;   // ROLE_NOCHANGE never comes in a reply
        };
    }

    /** The wire value of {@code ofp_controller_role} (1 equal, 2 master, 3 slave); null for another. */
    static Role role(int wire) {
        return switch (wire) {
            case 1 -> Role.EQUAL;
            case 2 -> Role.MASTER;
            case 3 -> Role.SLAVE;
            default -> null;
        };
    }

    /** Whether the switch refused a write because this controller is its SLAVE. */
    static boolean isSlaveRefusal(OFMessage message) {
        return message instanceof OFBadRequestErrorMsg bad && bad.getCode() == OFBadRequestCode.IS_SLAVE;
    }

    /** Why a switch refused a ROLE_REQUEST, in one line. */
    static String refusal(OFErrorMsg error) {
        if (error instanceof OFRoleRequestFailedErrorMsg failed) {
            return failed.getCode() == OFRoleRequestFailedCode.STALE
                    ? "the switch refused the claim as stale (OFPRRFC_STALE): another controller used a newer generation id"
                    : "the switch refused the role request (" + failed.getCode() + ")";
        }
        return "the switch answered the role request with error " + error.getErrType();
    }

    /** Messages a SLAVE may not send (Open vSwitch refuses them with OFPBRC_IS_SLAVE). */
    static boolean isWrite(OFMessage message) {
        return switch (message.getType()) {
            case FLOW_MOD, GROUP_MOD, PORT_MOD, TABLE_MOD, METER_MOD, PACKET_OUT -> true;
            default -> false;
        };
    }
}
