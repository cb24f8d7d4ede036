package dev.flowlab.controller.api;

import java.util.List;
import org.projectfloodlight.openflow.protocol.OFBucket;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.protocol.action.OFAction;
import org.projectfloodlight.openflow.protocol.action.OFActionGroup;
import org.projectfloodlight.openflow.types.OFGroup;
import org.projectfloodlight.openflow.types.OFPort;

/**
 * Buckets for group entries (OpenFlow 1.1 to 1.4). Groups themselves are added through {@link GroupTable}, which
 * picks a free group id and records the owner.
 *
 * <pre>{@code
 * // the primary port while it is live, else the backup: the switch itself fails over
 * ctx.groups().add(sw, OFGroupType.FF, List.of(
 *         Groups.watching(of, primary, Flows.output(of, primary)),
 *         Groups.watching(of, backup, Flows.output(of, backup))))
 *    .thenAccept(id -> ... Groups.action(of, id) ...);
 * }</pre>
 */
public final class Groups {
    /** The oldest OpenFlow version with groups. */
    public static final OFVersion SINCE = OFVersion.OF_11;
    /** The newest version whose group buckets openflowj can write (see {@link #require}). */
    public static final OFVersion UNTIL = OFVersion.OF_14;

    private Groups() {
    }

    /** A bucket of an {@code ALL} or {@code INDIRECT} group: these actions, always applied. */
    public static OFBucket bucket(OFFactory of, OFAction... actions) {
        return bucket(of, 0, OFPort.ANY, List.of(actions));
    }

    /** A bucket of a {@code SELECT} group, chosen in proportion to {@code weight} (1 or more). */
    public static OFBucket weighted(OFFactory of, int weight, OFAction... actions) {
        if (weight < 1 || weight > 0xffff) {
            throw new IllegalArgumentException("a select bucket's weight must be 1-65535, not " + weight);
        }
        return bucket(of, weight, OFPort.ANY, List.of(actions));
    }

    /** A bucket of a fast-failover ({@code FF}) group: used while {@code watchPort} is live. */
    public static OFBucket watching(OFFactory of, OFPort watchPort, OFAction... actions) {
        return bucket(of, 0, watchPort, List.of(actions));
    }

    /**
     * Any bucket: {@code weight} 0 outside select groups, {@code watchPort} {@link OFPort#ANY} outside
     * fast-failover groups.
     */
    public static OFBucket bucket(OFFactory of, int weight, OFPort watchPort, List<? extends OFAction> actions) {
        require(of);
        return of.buildBucket().setWeight(weight).setWatchPort(watchPort).setWatchGroup(OFGroup.ANY)
                .setActions(List.copyOf(actions)).build();
    }

    /** The action that sends a packet to a group: {@code apply(of, Groups.action(of, id))}. */
    public static OFActionGroup action(OFFactory of, long groupId) {
        return of.actions().group(OFGroup.of((int) groupId));
    }

    /** Whether the controller can write groups to a switch of this factory's version (see {@link #require}). */
    public static boolean supported(OFFactory of) {
        OFVersion v = of.getVersion();
        return v.compareTo(SINCE) >= 0 && v.compareTo(UNTIL) <= 0;
    }

    /**
     * Refuses a switch without groups the controller can write: OpenFlow 1.0 has none, and 1.5 gives
     * each bucket an id that openflowj cannot encode (it knows only the special bucket ids).
     *
     * @throws UnsupportedOperationException naming the switch's version
     */
    public static void require(OFFactory of) {
        if (!supported(of)) {
            throw new UnsupportedOperationException("groups need OpenFlow 1.1 to 1.4 here; this switch speaks "
                    + Meters.versionName(of.getVersion()));
        }
    }
}
