package dev.flowlab.apps.routing;

import dev.flowlab.controller.api.GroupTable;
import dev.flowlab.controller.api.Switch;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.projectfloodlight.openflow.protocol.OFBucket;
import org.projectfloodlight.openflow.protocol.OFGroupType;
import org.projectfloodlight.openflow.types.DatapathId;

/**
 * The routing app's groups on each switch, one per distinct bucket list: every route with the same
 * primary and backup ports on a switch shares one fast-failover group. A group is added the first time
 * a route needs it; its id comes when the switch confirmed it.
 */
final class GroupCache {
    private record Key(OFGroupType type, List<OFBucket> buckets) {
    }

    private final GroupTable groups;
    private final Map<DatapathId, Map<Key, CompletableFuture<Long>>> bySwitch = new ConcurrentHashMap<>();

    GroupCache(GroupTable groups) {
        this.groups = groups;
    }

    /** The id of the group with these buckets on {@code sw}, adding it first if needed. */
    CompletableFuture<Long> id(Switch sw, OFGroupType type, List<OFBucket> buckets) {
        Map<Key, CompletableFuture<Long>> ids = bySwitch.computeIfAbsent(sw.id(), d -> new ConcurrentHashMap<>());
        Key key = new Key(type, List.copyOf(buckets));
        CompletableFuture<Long> id = ids.computeIfAbsent(key, k -> groups.add(sw, type, k.buckets()));
        id.whenComplete((ok, failed) -> {
            if (failed != null) {
                ids.remove(key, id);   // the next route asks again
            }
        });
        return id;
    }

    /**
     * A switch left: forget its ids, so datapath ids that come and go do not pile up here. Should it come
     * back to this controller as master with our groups still in place, new routes add fresh ones.
     */
    void forget(DatapathId dpid) {
        bySwitch.remove(dpid);
    }

    /** A switch (re)connected: it starts without our groups. */
    CompletableFuture<Integer> reset(Switch sw) {
        bySwitch.remove(sw.id());
        return groups.deleteAll(sw);
    }
}
