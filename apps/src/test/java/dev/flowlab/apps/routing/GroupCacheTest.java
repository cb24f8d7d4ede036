package dev.flowlab.apps.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.controller.api.GroupTable;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.testing.FakeSwitch;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.protocol.OFBucket;
import org.projectfloodlight.openflow.protocol.OFGroupType;

/** routing's group ids per switch: shared by routes with the same buckets, and dropped with the switch. */
class GroupCacheTest {
    /** Counts the groups asked for; each gets the next id at once. */
    private static final class CountingGroups implements GroupTable {
        final List<Switch> added = new ArrayList<>();

        @Override
        public CompletableFuture<Long> add(Switch sw, OFGroupType type, List<OFBucket> buckets) {
            added.add(sw);
            return CompletableFuture.completedFuture((long) added.size());
        }

        @Override
        public CompletableFuture<Void> modify(Switch sw, long groupId, OFGroupType type, List<OFBucket> buckets) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> delete(Switch sw, long groupId) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Integer> deleteAll(Switch sw) {
            return CompletableFuture.completedFuture(0);
        }

        @Override
        public Set<Long> ids(Switch sw) {
            return Set.of();
        }
    }

    @Test
    void routesWithTheSameBucketsShareOneGroupUntilTheSwitchIsForgotten() {
        CountingGroups groups = new CountingGroups();
        GroupCache cache = new GroupCache(groups);
        FakeSwitch s1 = new FakeSwitch(1, 3);
        FakeSwitch s2 = new FakeSwitch(2, 3);

        assertThat(cache.id(s1, OFGroupType.FF, List.of()).join()).isEqualTo(1L);
        assertThat(cache.id(s1, OFGroupType.FF, List.of()).join()).as("same buckets, same group").isEqualTo(1L);
        assertThat(cache.id(s2, OFGroupType.FF, List.of()).join()).isEqualTo(2L);

        cache.forget(s1.id());

        assertThat(cache.id(s2, OFGroupType.FF, List.of()).join()).as("the other switch's ids are kept").isEqualTo(2L);
        assertThat(cache.id(s1, OFGroupType.FF, List.of()).join()).as("nothing of the gone switch is kept").isEqualTo(3L);
    }
}
