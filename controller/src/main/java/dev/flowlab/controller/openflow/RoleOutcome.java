package dev.flowlab.controller.openflow;

import dev.flowlab.controller.api.Role;

/**
 * The role a switch gives this controller, as the switch last said (or as we know it without asking).
 *
 * @param role         the role
 * @param generationId the generation id the switch reported with it (0 when none was exchanged)
 * @param refusal      why the switch refused our last claim, or null when it did not
 */
record RoleOutcome(Role role, long generationId, String refusal) {
    /** A fresh connection, before any ROLE_REQUEST. */
    static final RoleOutcome EQUAL = new RoleOutcome(Role.EQUAL, 0, null);
}
