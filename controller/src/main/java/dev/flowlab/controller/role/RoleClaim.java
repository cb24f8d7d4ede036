package dev.flowlab.controller.role;

import dev.flowlab.controller.api.Role;
import java.util.Objects;

/**
 * The role a controller asks a switch for, with the generation id that orders claims across a
 * cluster: a switch refuses a MASTER or SLAVE request whose generation id is older than the newest
 * it has seen (OFPRRFC_STALE), so a master that was cut off cannot take the switch back. The
 * generation id means nothing for {@link Role#EQUAL}.
 *
 * @param role         the role to claim
 * @param generationId the claim's generation id (compared as a wrapping 64-bit number, as the spec says)
 */
public record RoleClaim(Role role, long generationId) {
    /** What a switch assumes for every new connection: no ROLE_REQUEST is needed to have it. */
    public static final RoleClaim EQUAL = new RoleClaim(Role.EQUAL, 0);

    public RoleClaim {
        Objects.requireNonNull(role, "role");
    }

    public static RoleClaim master(long generationId) {
        return new RoleClaim(Role.MASTER, generationId);
    }

    public static RoleClaim slave(long generationId) {
        return new RoleClaim(Role.SLAVE, generationId);
    }

    @Override
    public String toString() {
        return role == Role.EQUAL ? "EQUAL" : role + " (generation " + generationId + ")";
    }
}
