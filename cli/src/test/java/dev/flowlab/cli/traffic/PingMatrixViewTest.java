package dev.flowlab.cli.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.cli.output.Console;
import dev.flowlab.dataplane.PingResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PingMatrixViewTest {
    private final Console plain = Console.plain(new PrintWriter(new StringWriter()));

    @Test
    void smallNetworksShowEveryRowWithXForMissedRepliesAndWhy() {
        PingResult m = result(List.of("h1", "h2", "h10"),
                (s, d) -> s.equals("h1") && d.equals("h10") ? "no reply within 3 s" : null);
        assertThat(PingMatrixView.rows(m, UnaryOperator.identity(), plain)).containsExactly(
                "h1  -> h2 X  ",
                "h2  -> h1 h10",
                "h10 -> h1 h2",
                "why: no reply within 3 s (1)");
        assertThat(PingMatrixView.summary(m, plain)).isEqualTo("16.7% loss (5/6 received)");
    }

    @Test
    void namesAreShownAsTheUserKnowsThem() {
        PingResult m = result(List.of("fmh1", "fmh2"), (s, d) -> null);
        assertThat(PingMatrixView.rows(m, n -> n.substring(2), plain)).containsExactly("h1 -> h2", "h2 -> h1");
        assertThat(PingMatrixView.summary(m, plain)).isEqualTo("0% loss (2/2 received)");
    }

    @Test
    void largeNetworksShowOnlyRowsWithFailures() {
        List<String> hosts = IntStream.rangeClosed(1, 40).mapToObj(i -> "h" + i).toList();
        PingResult m = result(hosts, (s, d) -> d.equals("h40") ? "network unreachable" : null);
        List<String> rows = PingMatrixView.rows(m, UnaryOperator.identity(), plain);
        assertThat(rows).hasSize(PingMatrixView.MAX_FAILURE_ROWS + 2);
        assertThat(rows.get(0)).isEqualTo("h1  -> 1 of 39 unreachable: h40");
        assertThat(rows.get(rows.size() - 2)).isEqualTo("... and 19 more hosts with failures");
        assertThat(rows.get(rows.size() - 1)).isEqualTo("why: network unreachable (39)");
        assertThat(PingMatrixView.summary(m, plain)).isEqualTo("2.5% loss (1521/1560 received)");
    }

    /** Every ordered pair, failed with the reason {@code failure} gives (null: answered). */
    private static PingResult result(List<String> hosts, BiFunction<String, String, String> failure) {
        List<PingResult.Outcome> outcomes = new ArrayList<>();
        for (String s : hosts) {
            for (String d : hosts) {
                if (!s.equals(d)) {
                    String why = failure.apply(s, d);
                    outcomes.add(new PingResult.Outcome(s, d, why == null ? 0.5 : -1, why));
                }
            }
        }
        return new PingResult(hosts, Duration.ofSeconds(3), outcomes);
    }
}
