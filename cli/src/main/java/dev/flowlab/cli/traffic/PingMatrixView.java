package dev.flowlab.cli.traffic;

import dev.flowlab.lab.traffic.PingMatrix;
import dev.flowlab.cli.output.Console;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a {@link PingMatrix} the way a Mininet user reads it: one row per source,
 * {@code h1 -> h2 h3 X}, then the loss line. Large networks get only the rows with failures.
 */
public final class PingMatrixView {
    /** Up to this many hosts every row is printed; above it only the rows with failures. */
    static final int FULL_MATRIX_HOSTS = 16;
    static final int MAX_FAILURE_ROWS = 20;

    private PingMatrixView() {
    }

    public static List<String> rows(PingMatrix m, Console c) {
        List<String> rows = new ArrayList<>();
        int width = m.hosts().stream().mapToInt(String::length).max().orElse(2);
        boolean full = m.hosts().size() <= FULL_MATRIX_HOSTS;
        int failedRows = 0;
        for (String src : m.hosts()) {
            List<String> missed = new ArrayList<>();
            StringBuilder row = new StringBuilder(String.format("%-" + width + "s ->", src));
            for (String dst : m.hosts()) {
                if (dst.equals(src)) {
                    continue;
                }
                boolean ok = m.reached(src, dst);
                if (!ok) {
                    missed.add(dst);
                }
                row.append(' ').append(ok ? dst : c.red(String.format("%-" + dst.length() + "s", "X")));
            }
            if (full) {
                rows.add(row.toString());
            } else if (!missed.isEmpty() && failedRows++ < MAX_FAILURE_ROWS) {
                rows.add(String.format("%-" + width + "s -> %d of %d unreachable: %s", src, missed.size(),
                        m.hosts().size() - 1, abbreviate(missed)));
            }
        }
        if (!full && failedRows > MAX_FAILURE_ROWS) {
            rows.add("... and " + (failedRows - MAX_FAILURE_ROWS) + " more hosts with failures");
        }
        m.firstError().ifPresent(error -> rows.add("ping said: " + error));
        return rows;
    }

    /** {@code 0% loss (12/12 received)}, green when nothing was lost. */
    public static String summary(PingMatrix m, Console c) {
        String text = String.format("%s loss (%d/%d received)", percent(m.lossPercent()), m.received(), m.pairs());
        return m.allReached() ? c.green(text) : c.red(text);
    }

    static String percent(double p) {
        return p == Math.rint(p) ? String.format("%.0f%%", p) : String.format("%.1f%%", p);
    }

    private static String abbreviate(List<String> names) {
        return names.size() <= 8 ? String.join(" ", names)
                : String.join(" ", names.subList(0, 8)) + " ...";
    }
}
