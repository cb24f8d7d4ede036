package dev.flowlab.controller.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreStateTest {
    /** Three documents, or 40 characters of keys and documents. */
    private final StoreState state = new StoreState(new StoreState.Limits(3, 40));

    @Test
    void aWriteBeyondTheDocumentLimitIsRefusedAndChangesNothing() {
        state.add("a/", "{}");
        state.add("a/", "{}");
        state.put("b", "{}");
        assertThatThrownBy(() -> state.add("a/", "{}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("configuration store is full");
        assertThatThrownBy(() -> state.put("c", "{}")).isInstanceOf(IllegalArgumentException.class);
        assertThat(state.documents()).containsOnlyKeys("a/1", "a/2", "b");
        assertThat(state.lastNumbers()).containsEntry("a/", 2L);   // the refused add used no number

        state.put("b", "{\"x\":1}");   // replacing a document adds none
        state.remove("a/1");
        assertThat(state.add("a/", "{}").answer()).isEqualTo(3L);
    }

    @Test
    void aWriteBeyondTheCharacterLimitIsRefusedAndRemovingFreesRoom() {
        String big = "\"" + "x".repeat(30) + "\"";   // 32 characters, with its key 33
        state.put("k", big);
        assertThatThrownBy(() -> state.put("l", big)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> state.put("k", big + big)).isInstanceOf(IllegalArgumentException.class);
        assertThat(state.documents()).containsExactly(Map.entry("k", big));
        state.remove("k");
        state.put("l", big);
        assertThat(state.documents()).containsOnlyKeys("l");
    }

    @Test
    void aSeedThatDoesNotFitIsRefusedWholeAndCanBeRepeatedSmaller() {
        assertThatThrownBy(() -> state.seed("s/", List.of("1", "2", "3", "4"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(state.documents()).isEmpty();
        assertThat(state.lastNumbers()).isEmpty();   // not marked seeded: a smaller seed still goes in
        assertThat(state.seed("s/", List.of("1", "2")).answer()).isEqualTo(true);
    }

    @Test
    void aRestoredSnapshotCountsTowardsTheLimits() {
        state.replace(Map.of("a", "1", "b", "2", "c", "3"), Map.of());
        assertThatThrownBy(() -> state.put("d", "4")).isInstanceOf(IllegalArgumentException.class);
        state.replace(Map.of(), Map.of());
        state.put("d", "4");
        assertThat(state.documents()).containsOnlyKeys("d");
    }
}
