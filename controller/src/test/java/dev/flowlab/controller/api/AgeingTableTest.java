package dev.flowlab.controller.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowlab.controller.testing.LogCapture;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The bounded, ageing table under an injected clock: caps, ageing, what leaves, the one warning. */
class AgeingTableTest {
    private final AtomicLong now = new AtomicLong();
    private final AgeingTable<String, Integer> table = new AgeingTable<>("test table (size)", 3, Duration.ofSeconds(10), now::get);

    private void advance(int seconds) {
        now.addAndGet(Duration.ofSeconds(seconds).toNanos());
    }

    @Test
    void whenFullTheEntrySeenLongestAgoMakesRoomAndTheTableSaysSoOnce() {
        try (LogCapture log = LogCapture.of(AgeingTable.class)) {
            table.put("a", 1);
            advance(1);
            table.put("b", 2);
            advance(1);
            table.put("c", 3);
            advance(1);
            table.put("a", 1);   // a seen again: b is now the one seen longest ago

            assertThat(table.put("d", 4).removed()).containsExactly(2);
            assertThat(table.put("e", 5).removed()).containsExactly(3);
            assertThat(table.size()).isEqualTo(3);
            assertThat(table.values()).containsExactlyInAnyOrder(1, 4, 5);
            assertThat(log.warnings()).containsExactly(
                    "test table (size) is full (3 entries): the entries seen longest ago make room from now on");
        }
    }

    @Test
    void anEntryNotSeenForTheAgeingTimeIsGoneAndExpireHandsItBack() {
        table.put("a", 1);
        advance(5);
        table.put("b", 2);
        advance(4);
        assertThat(table.get("a")).contains(1);
        advance(1);

        assertThat(table.get("a")).isEmpty();
        assertThat(table.refresh("a")).isNull();
        assertThat(table.values()).containsExactly(2);
        assertThat(table.expire()).containsExactly(1);
        assertThat(table.size()).isEqualTo(1);
    }

    @Test
    void mergeCombinesWithTheLiveValueAndReportsWhatWasThere() {
        AgeingTable.Change<Integer> first = table.merge("a", 1, Integer::sum);
        AgeingTable.Change<Integer> second = table.merge("a", 5, Integer::sum);
        assertThat(first.before()).isNull();
        assertThat(second.before()).isEqualTo(1);
        assertThat(second.after()).isEqualTo(6);

        advance(10);
        AgeingTable.Change<Integer> afterAgeing = table.merge("a", 2, Integer::sum);
        assertThat(afterAgeing.before()).as("an aged value is not combined").isNull();
        assertThat(afterAgeing.after()).isEqualTo(2);
        assertThat(afterAgeing.removed()).containsExactly(6);
    }

    @Test
    void updateChangesTheValueButNotItsAgeAndRemoveIfHandsBackWhatMatched() {
        table.put("a", 1);
        advance(9);
        table.update("a", v -> v + 10);
        assertThat(table.get("a")).contains(11);
        advance(1);
        assertThat(table.get("a")).isEmpty();

        table.put("b", 2);
        table.put("c", 3);
        assertThat(table.removeIf(v -> v == 2)).containsExactly(2);
        assertThat(table.values()).containsExactly(3);
    }

    @Test
    void aFullTableWhoseEntriesWereAllSeenJustNowLooksAtABoundedNumberOfEntriesPerNewKey() {
        int size = 4096;
        AgeingTable<Integer, Integer> full = new AgeingTable<>("full table (size)", size, Duration.ofSeconds(300), now::get);
        for (int k = 0; k < size; k++) {
            full.put(k, k);
        }
        int next = size;
        long most = 0;
        for (int round = 0; round < 3; round++) {
            advance(1);
            full.values().forEach(full::refresh);   // every entry seen since it was queued: each could claim a second chance
            for (int i = 0; i < size; i++, next++) {
                long before = full.entriesExamined();
                assertThat(full.put(next, next).removed()).hasSize(1);
                most = Math.max(most, full.entriesExamined() - before);
            }
        }

        assertThat(full.size()).isEqualTo(size);
        assertThat(most).as("entries one eviction looked at (a walk over the table would be %d)", size)
                .isLessThanOrEqualTo(AgeingTable.MAX_CHANCES + 1);
    }

    @Test
    void aTableNeedsRoomAndTime() {
        assertThatThrownBy(() -> new AgeingTable<String, Integer>("t", 0, Duration.ofSeconds(1), now::get))
                .hasMessage("t: size 0 must be at least 1");
        assertThatThrownBy(() -> new AgeingTable<String, Integer>("t", 1, Duration.ZERO, now::get))
                .hasMessage("t: ageing time PT0S must be positive");
    }
}
