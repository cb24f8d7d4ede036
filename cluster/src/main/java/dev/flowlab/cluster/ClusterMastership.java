package dev.flowlab.cluster;

import dev.flowlab.controller.role.ClusterView;
import dev.flowlab.controller.role.Mastership;
import dev.flowlab.controller.role.RoleClaim;
import org.projectfloodlight.openflow.types.DatapathId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller's {@link Mastership} as a cluster member decides it: MASTER of every switch while
 * this member holds the latest claim, SLAVE otherwise, always with the generation id of the latest
 * claim it applied. A member that restarts first claims SLAVE with the generation its log holds.
 *
 * <p>One master for all switches rather than one per switch: flowlab's apps decide across switches
 * (a route installs entries on every switch of a path, an ACL change on all of them), so splitting
 * switches over members would need calls between members for one decision. The price is that the
 * master does all the work; a lab's few dozen switches fit one controller.
 */
public final class ClusterMastership implements Mastership {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterMastership.class);

    private final ClusterMember member;

    public ClusterMastership(ClusterMember member) {
        this.member = member;
    }

    @Override
    public void start(Listener listener) {
        member.onRoleChange((role, generation) -> listener.claimsChanged());
    }

    @Override
    public RoleClaim claim(DatapathId dpid) {
        return member.currentClaim();
    }

    @Override
    public ClusterView view() {
        return new ClusterView(member.id(), member.members().stream()
                .map(m -> new ClusterView.Member(m.id(), m.hostPort())).toList(), member.leader());
    }

    /** A switch is connected: a member that restarted may stand for election again. */
    @Override
    public void switchConnected(DatapathId dpid) {
        member.controllerReady();
    }

    @Override
    public void claimRefused(DatapathId dpid, RoleClaim claim, String why) {
        LOG.info("cluster member {}: switch {} refused {} (generation {}): {}", member.id(), dpid, claim.role(),
                claim.generationId(), why);
    }
}
