package dev.flowlab.controller.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.projectfloodlight.openflow.protocol.OFControllerRole;

/**
 * The switch side of OpenFlow roles, shared by the {@link SwitchPeer} connections of one switch to
 * several controllers, with Open vSwitch's rules: every connection starts EQUAL; a MASTER or SLAVE
 * request whose generation id is older than the newest seen is refused as stale; a new MASTER demotes
 * the old one to SLAVE (told with a role status message: OpenFlow 1.4's, or Open vSwitch's extension on 1.3; unless
 * {@link #silent()}); a SLAVE's writes are refused with OFPBRC_IS_SLAVE.
 */
public final class PeerRoles {
    private final Map<SwitchPeer, OFControllerRole> roles = new ConcurrentHashMap<>();
    private final boolean tellDemoted;
    private Long newestGeneration;   // guarded by this

    private PeerRoles(boolean tellDemoted) {
        this.tellDemoted = tellDemoted;
    }

    /** Open vSwitch: a demoted master is told with a role status message. */
    public static PeerRoles likeOvs() {
        return new PeerRoles(true);
    }

    /** A switch that demotes without saying so: the old master learns it from its refused writes. */
    public static PeerRoles silent() {
        return new PeerRoles(false);
    }

    /** As if another controller had claimed a role with {@code generation}: older claims are stale from now on. */
    public synchronized void sawGeneration(long generation) {
        newestGeneration = generation;
    }

    public OFControllerRole roleOf(SwitchPeer peer) {
        return roles.getOrDefault(peer, OFControllerRole.ROLE_EQUAL);
    }

    /** The role reply's generation id, or null when the request is stale (the caller answers OFPRRFC_STALE). */
    synchronized Long request(SwitchPeer peer, OFControllerRole role, long generation) {
        if (role != OFControllerRole.ROLE_EQUAL && role != OFControllerRole.ROLE_NOCHANGE) {
            if (newestGeneration != null && generation - newestGeneration < 0) {
                return null;
            }
            newestGeneration = generation;
        }
        if (role == OFControllerRole.ROLE_MASTER) {
            for (Map.Entry<SwitchPeer, OFControllerRole> e : roles.entrySet()) {
                if (e.getKey() != peer && e.getValue() == OFControllerRole.ROLE_MASTER) {
                    e.setValue(OFControllerRole.ROLE_SLAVE);
                    if (tellDemoted) {
                        e.getKey().sendRoleStatus(3, generation);
                    }
                }
            }
        }
        if (role != OFControllerRole.ROLE_NOCHANGE) {
            roles.put(peer, role);
        }
        return newestGeneration == null ? 0 : newestGeneration;
    }

    boolean isSlave(SwitchPeer peer) {
        return roleOf(peer) == OFControllerRole.ROLE_SLAVE;
    }
}
