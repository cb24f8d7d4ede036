package dev.flowlab.controller.openflow;

import dev.flowlab.controller.api.Role;
import io.netty.buffer.ByteBuf;
import org.projectfloodlight.openflow.protocol.OFRoleStatus;

/**
 * A switch telling this controller its role changed without being asked: another controller claimed
 * MASTER, so we are SLAVE now. OpenFlow 1.4 has ROLE_STATUS for it ({@link #of}); on OpenFlow 1.3 Open vSwitch sends
 * the same body as the ONF extension message 1911, which openflowj cannot read (it would take the
 * connection down as garbage), so it is decoded here.
 *
 * @param role         the role the switch now gives this controller
 * @param generationId the generation id of the claim that caused it
 * @param reason       0 master request, 1 configuration change, 2 experimenter (OpenFlow 1.4 section 7.4.4)
 */
record RoleStatus(Role role, long generationId, int reason) {
    static final int TYPE_EXPERIMENTER = 4;
    private static final long ONF_EXPERIMENTER = 0x4F4E4600L;
    private static final long ONFT_ROLE_STATUS = 1911;
    private static final int BODY_AT = 16;                 // header, experimenter id, experimenter type
    private static final int LENGTH = BODY_AT + 16;        // role, reason + pad, generation id

    /** The ONF role status at {@code start} (one whole OpenFlow 1.3 experimenter message), or null when it is another. */
    static RoleStatus decodeOnf(ByteBuf in, int start, int length) {
        if (length < LENGTH || in.getUnsignedInt(start + 8) != ONF_EXPERIMENTER
                || in.getUnsignedInt(start + 12) != ONFT_ROLE_STATUS) {
            return null;
        }
        Role role = RoleMessages.role(in.getInt(start + BODY_AT));
        if (role == null) {
            return null;
        }
        return new RoleStatus(role, in.getLong(start + BODY_AT + 8), in.getUnsignedByte(start + BODY_AT + 4));
    }

    /** OpenFlow 1.4's own ROLE_STATUS. */
    static RoleStatus of(OFRoleStatus status) {
        return new RoleStatus(RoleMessages.role(status.getRole()), status.getGenerationId().getValue(),
                status.getReason().ordinal());   // MASTER_REQUEST, CONFIG, EXPERIMENTER: 0, 1, 2 as on the wire
    }

    /** The reason in words, for the log. */
    String reasonText() {
        return switch (reason) {
            case 0 -> "another controller claimed MASTER";
            case 1 -> "the switch's configuration changed";
            default -> "reason " + reason;
        };
    }
}
