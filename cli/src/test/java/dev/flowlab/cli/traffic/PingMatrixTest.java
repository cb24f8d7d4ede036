package dev.flowlab.cli.traffic;

import dev.flowlab.lab.traffic.PingMatrix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.cli.output.Console;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PingMatrixTest {
    private final Console plain = Console.plain(new PrintWriter(new StringWriter()));

    @Test
    void smallNetworksShowEveryRowWithXForMissedReplies() {
        PingMatrix m = new PingMatrix(List.of("h1", "h2", "h10"));
        m.hosts().forEach(s -> m.hosts().forEach(d -> m.record(s, d, !s.equals(d))));
        m.record("h1", "h10", false);
        assertThat(PingMatrixView.rows(m, plain)).containsExactly(
                "h1  -> h2 X  ",
                "h2  -> h1 h10",
                "h10 -> h1 h2");
        assertThat(m.failures()).containsExactly(new PingMatrix.Pair("h1", "h10"));
        assertThat(PingMatrixView.summary(m, plain)).isEqualTo("16.7% loss (5/6 received)");
    }

    @Test
    void fullSuccessIsZeroLoss() {
        PingMatrix m = new PingMatrix(List.of("h1", "h2"));
        m.record("h1", "h2", true);
        m.record("h2", "h1", true);
        assertThat(m.allReached()).isTrue();
        assertThat(PingMatrixView.summary(m, plain)).isEqualTo("0% loss (2/2 received)");
    }

    @Test
    void largeNetworksShowOnlyRowsWithFailures() {
        List<String> hosts = IntStream.rangeClosed(1, 40).mapToObj(i -> "h" + i).toList();
        PingMatrix m = new PingMatrix(hosts);
        hosts.forEach(s -> hosts.forEach(d -> m.record(s, d, !s.equals(d) && !d.equals("h40"))));
        List<String> rows = PingMatrixView.rows(m, plain);
        assertThat(rows).hasSize(PingMatrixView.MAX_FAILURE_ROWS + 1);
        assertThat(rows.get(0)).isEqualTo("h1  -> 1 of 39 unreachable: h40");
        assertThat(rows.get(rows.size() - 1)).isEqualTo("... and 19 more hosts with failures");
        assertThat(PingMatrixView.summary(m, plain)).isEqualTo("2.5% loss (1521/1560 received)");
    }
}
