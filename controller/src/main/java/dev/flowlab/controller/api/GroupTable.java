package dev.flowlab.controller.api;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.projectfloodlight.openflow.protocol.OFBucket;
import org.projectfloodlight.openflow.protocol.OFGroupType;

/**
 * The group entries one app owns on each switch ({@link AppContext#groups()}). The controller hands
 * out group ids per switch, so two apps (or an app and REST) never collide, and remembers who owns
 * which: {@code GET /api/switches/{dpid}/groups} lists them with their owner.
 *
 * <p>Every change is confirmed: its future completes once the switch processed it (a barrier
 * followed it) and fails with {@link SwitchErrorException} when the switch refused it. Send flows that
 * point at a group only once its {@link #add} completed. Groups need OpenFlow 1.1 to 1.4: on another
 * version every method throws {@link UnsupportedOperationException} at once, and nothing is sent.
 */
public interface GroupTable {

    /**
     * Adds a group with the lowest id free on the switch; completes with that id.
     *
     * @param buckets made with {@link Groups}: plain for ALL/INDIRECT, weighted for SELECT, watching for FF
     */
    CompletableFuture<Long> add(Switch sw, OFGroupType type, List<OFBucket> buckets);

    /**
     * Replaces type and buckets of one of this owner's groups; flows pointing at it follow at once.
     *
     * @throws IllegalArgumentException when the group is not this owner's
     */
    CompletableFuture<Void> modify(Switch sw, long groupId, OFGroupType type, List<OFBucket> buckets);

    /**
     * Deletes one of this owner's groups; the switch also deletes the flows that point at it.
     *
     * @throws IllegalArgumentException when the group is not this owner's
     */
    CompletableFuture<Void> delete(Switch sw, long groupId);

    /** Deletes every group of this owner on the switch; completes with how many there were. */
    CompletableFuture<Integer> deleteAll(Switch sw);

    /** The ids of this owner's groups on the switch, at the moment of the call. */
    Set<Long> ids(Switch sw);
}
