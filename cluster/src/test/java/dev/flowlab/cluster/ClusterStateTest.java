package dev.flowlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.controller.store.StoreState.Change;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterStateTest {

    @Test
    void everyClaimHandsOutAHigherGenerationToItsMember() {
        ClusterState state = new ClusterState();
        assertThat(state.generation()).isZero();
        assertThat(state.apply(Command.claim("a")).answer()).isEqualTo(1L);
        assertThat(state.apply(Command.claim("b")).answer()).isEqualTo(2L);
        assertThat(state.apply(Command.claim("b")).claimed()).isTrue();
        assertThat(state.generation()).isEqualTo(3);
        assertThat(state.master()).isEqualTo("b");
    }

    @Test
    void addedDocumentsAreNumberedAndANumberIsNeverReused() {
        ClusterState state = new ClusterState();
        assertThat(state.apply(Command.add("acl/rules/", "{\"a\":1}")).answer()).isEqualTo(1L);
        assertThat(state.apply(Command.add("acl/rules/", "{\"a\":2}")).changes())
                .containsExactly(new Change("acl/rules/2", "{\"a\":2}"));
        assertThat(state.apply(Command.remove("acl/rules/2")).answer()).isEqualTo(true);
        assertThat(state.apply(Command.remove("acl/rules/2")).answer()).isEqualTo(false);
        assertThat(state.apply(Command.add("acl/rules/", "{\"a\":3}")).answer()).isEqualTo(3L);
        assertThat(state.list("acl/rules/")).containsOnlyKeys("acl/rules/1", "acl/rules/3");
    }

    @Test
    void aSeedTakesEffectOnlyOnAPrefixNeverUsed() {
        ClusterState state = new ClusterState();
        assertThat(state.apply(Command.seed("acl/rules/", List.of("{}", "{}"))).answer()).isEqualTo(true);
        assertThat(state.apply(Command.seed("acl/rules/", List.of("{}"))).answer()).isEqualTo(false);
        state.apply(Command.remove("acl/rules/1"));
        state.apply(Command.remove("acl/rules/2"));
        assertThat(state.apply(Command.seed("acl/rules/", List.of("{}"))).answer())
                .as("emptied is not never used: a member restarting with the config file must not bring deleted rules back")
                .isEqualTo(false);
    }

    @Test
    void aRestoredSnapshotGivesTheSameStateAndReportsWhatDiffers() {
        ClusterState leader = new ClusterState();
        leader.apply(Command.put("router/config/current", "{\"v\":2}"));
        leader.apply(Command.add("acl/rules/", "{\"x\":1}"));
        leader.apply(Command.claim("b"));

        ClusterState behind = new ClusterState();
        behind.apply(Command.put("router/config/current", "{\"v\":1}"));
        behind.apply(Command.put("rest/flows/1/1", "{}"));
        List<Change> changes = behind.restore(leader.toBytes());

        assertThat(changes).containsExactly(new Change("acl/rules/1", "{\"x\":1}"), new Change("rest/flows/1/1", null),
                new Change("router/config/current", "{\"v\":2}"));
        assertThat(behind.generation()).isEqualTo(1);
        assertThat(behind.master()).isEqualTo("b");
        assertThat(behind.apply(Command.add("acl/rules/", "{}")).answer()).as("numbering restored too").isEqualTo(2L);
    }

    @Test
    void aBadEntryIsRefusedTheSameWayEverywhere() {
        assertThat(Command.of(Command.put("k", "{}").bytes())).isEqualTo(Command.put("k", "{}"));
        ClusterState state = new ClusterState();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> state.apply(Command.put("", "{}")))
                .hasMessageContaining("must not be empty");
    }
}
