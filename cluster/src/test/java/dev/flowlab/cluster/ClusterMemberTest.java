package dev.flowlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.controller.Poll;
import dev.flowlab.controller.api.Role;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three Ratis members in this JVM on loopback: election, generation ids across a leader kill, catch-up after a restart. */
class ClusterMemberTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final List<ClusterMember> running = new CopyOnWriteArrayList<>();
    private final Map<String, List<Long>> masterGenerations = new ConcurrentHashMap<>();

    @AfterEach
    void stopAll() {
        running.forEach(ClusterMember::close);
    }

    @Test
    void oneMasterAtATimeWithStrictlyIncreasingGenerationsAndTheConfigurationOnEveryMember() throws Exception {
        List<MemberAddress> members = List.of(new MemberAddress("1", "127.0.0.1", freePort()),
                new MemberAddress("2", "127.0.0.1", freePort()), new MemberAddress("3", "127.0.0.1", freePort()));
        for (MemberAddress m : members) {
            start(members, m.id());
        }
        ClusterMember first = awaitOneMaster();
        long firstGeneration = first.generation();
        assertThat(firstGeneration).isPositive();
        Poll.until("every member applied the claim of " + first.id(), WAIT, () -> running.stream()
                .allMatch(m -> m.generation() == firstGeneration && m.master().equals(Optional.of(first.id()))));

        ClusterMember follower = running.stream().filter(m -> m != first).findFirst().orElseThrow();
        long number = follower.store().add("acl/rules/", "{\"action\":\"deny\"}").get(10, TimeUnit.SECONDS);
        assertThat(follower.store().list("acl/rules/")).as("applied here when the write completes")
                .containsEntry("acl/rules/" + number, "{\"action\":\"deny\"}");

        String killed = first.id();
        first.close();
        running.remove(first);
        ClusterMember second = awaitOneMaster();
        assertThat(second.id()).isNotEqualTo(killed);
        assertThat(second.generation()).isGreaterThan(firstGeneration);

        second.store().put("router/config/current", "{\"v\":2}").get(10, TimeUnit.SECONDS);
        ClusterMember restarted = start(members, killed);
        Poll.until("the restarted member caught up", WAIT, () -> restarted.store().get("router/config/current")
                .equals(Optional.of("{\"v\":2}")) && restarted.generation() == second.generation());
        assertThat(restarted.store().list("acl/rules/")).containsOnlyKeys("acl/rules/" + number);
        assertThat(restarted.role()).isEqualTo(Role.SLAVE);
        assertThat(masterGenerations.values()).allSatisfy(g -> assertThat(g).isSorted().doesNotHaveDuplicates());
    }

    @Test
    void aMemberThatWasDownLongCatchesUpFromTheLeadersSnapshotAndItsListenersHearTheDifference() throws Exception {
        compaction = new RaftSettings.Compaction(5, 1024);
        List<MemberAddress> members = List.of(new MemberAddress("1", "127.0.0.1", freePort()),
                new MemberAddress("2", "127.0.0.1", freePort()), new MemberAddress("3", "127.0.0.1", freePort()));
        members.forEach(m -> start(members, m.id()));
        ClusterMember master = awaitOneMaster();
        ClusterMember away = running.stream().filter(m -> m != master).findFirst().orElseThrow();
        master.store().put("acl/rules/1", "{\"gone\":true}").get(10, TimeUnit.SECONDS);
        Poll.until("the member about to go away has rule 1", WAIT, () -> away.store().get("acl/rules/1").isPresent());
        away.close();
        running.remove(away);

        master.store().remove("acl/rules/1").get(10, TimeUnit.SECONDS);
        for (int i = 0; i < 3 * compaction.snapshotEvery(); i++) {   // several snapshots; the log before them is purged
            master.store().add("router/config/", "{\"n\":" + i + "}").get(10, TimeUnit.SECONDS);
        }
        ClusterMember back = start(members, away.id());
        List<String> heard = new CopyOnWriteArrayList<>();
        back.store().listen("acl/rules/", (key, json) -> heard.add(key + "=" + json));
        Poll.until("the returning member has every document", WAIT, () -> back.store().list("router/config/").size() == 3 * compaction.snapshotEvery());
        assertThat(back.store().list("acl/rules/")).isEmpty();
        assertThat(heard).as("what it had, then its removal; or nothing").isIn(List.of(),
                List.of("acl/rules/1={\"gone\":true}", "acl/rules/1=null"));
        assertThat(back.store().add("router/config/", "{}").get(10, TimeUnit.SECONDS)).isEqualTo(3L * compaction.snapshotEvery() + 1);
        assertThat(java.nio.file.Files.walk(dir.resolve(master.id())).anyMatch(p -> p.getFileName().toString().startsWith("snapshot.")))
                .as("the leader took snapshots").isTrue();
    }

    @Test
    void aRestartedMemberStillVotesWhileItHoldsItsOwnCandidacyAndStandsOnceItsControllerIsReady() throws Exception {
        List<MemberAddress> members = List.of(new MemberAddress("1", "127.0.0.1", freePort()),
                new MemberAddress("2", "127.0.0.1", freePort()), new MemberAddress("3", "127.0.0.1", freePort()));
        members.forEach(m -> start(members, m.id()));
        ClusterMember first = awaitOneMaster();
        ClusterMember follower = running.stream().filter(m -> m != first).findFirst().orElseThrow();
        follower.close();
        running.remove(follower);
        ClusterMember held = start(members, follower.id());   // restarted: holds its candidacy
        Poll.until("the restarted member caught up", WAIT, () -> held.generation() == first.generation());

        first.close();
        running.remove(first);
        ClusterMember second = awaitOneMaster();
        assertThat(second).as("the member that did not restart leads, with the held member's vote").isNotSameAs(held);

        held.controllerReady();
        second.close();
        running.remove(second);
        start(members, second.id());
        Poll.until("the member that was held leads once ready", WAIT, () -> held.role() == Role.MASTER);
    }

    @Test
    void withoutAMajorityAWriteFailsNamingTheMembers() throws Exception {
        List<MemberAddress> members = List.of(new MemberAddress("1", "127.0.0.1", freePort()),
                new MemberAddress("2", "127.0.0.1", freePort()), new MemberAddress("3", "127.0.0.1", freePort()));
        ClusterMember alone = start(members, "1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> alone.store().put("k", "{}").get(60, TimeUnit.SECONDS))
                .hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is a majority of the members [1@127.0.0.1:");
        assertThat(alone.role()).isEqualTo(Role.SLAVE);
    }

    private RaftSettings.Compaction compaction = RaftSettings.Compaction.DEFAULT;

    private ClusterMember start(List<MemberAddress> members, String self) {
        ClusterMember m = ClusterMember.start(new ClusterSpec(members, self, dir.resolve(self),
                ClusterSpec.LAN_ELECTION_TIMEOUT), compaction);
        m.onRoleChange((role, generation) -> {
            if (role == Role.MASTER) {
                masterGenerations.computeIfAbsent("all", k -> new CopyOnWriteArrayList<>()).add(generation);
            }
        });
        running.add(m);
        return m;
    }

    private ClusterMember awaitOneMaster() {
        Poll.until("one master", WAIT, () -> running.stream().filter(m -> m.role() == Role.MASTER).count() == 1);
        return running.stream().filter(m -> m.role() == Role.MASTER).findFirst().orElseThrow();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
