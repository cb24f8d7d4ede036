package dev.flowlab.cli.traffic;

import dev.flowlab.cli.output.Console;
import dev.flowlab.dataplane.PingResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Prints a {@link PingResult} the way a Mininet user reads it: one row per source,
 * {@code h1 -> h2 h3 X}, then why pings failed, and the loss line. Large networks get only the rows
 * with failures.
 */
public final class PingMatrixView {
    /** Up to this many hosts every row is printed; above it only the rows with failures. */
    static final int FULL_MATRIX_HOSTS = 16;
    static final int MAX_FAILURE_ROWS = 20;

    private PingMatrixView() {
    }

    /** @param names the name the user knows for each host of the result (without the run prefix) */
    public static List<String> rows(PingResult m, UnaryOperator<String> names, Console c) {
        List<String> rows = new ArrayList<>();
        int width = m.hosts().stream().map(names).mapToInt(String::length).max().orElse(2);
        boolean full = m.hosts().size() <= FULL_MATRIX_HOSTS;
        int failedRows = 0;
        for (String src : m.hosts()) {
            List<String> missed = new ArrayList<>();
            StringBuilder row = new StringBuilder(String.format("%-" + width + "s ->", names.apply(src)));
            for (String dst : m.hosts()) {
                if (dst.equals(src)) {
                    continue;
                }
                String name = names.apply(dst);
                boolean ok = m.reached(src, dst);
                if (!ok) {
                    missed.add(name);
                }
                row.append(' ').append(ok ? name : c.red(String.format("%-" + name.length() + "s", "X")));
            }
            if (full) {
                rows.add(row.toString());
            } else if (!missed.isEmpty() && failedRows++ < MAX_FAILURE_ROWS) {
                rows.add(String.format("%-" + width + "s -> %d of %d unreachable: %s", names.apply(src), missed.size(),
                        m.hosts().size() - 1, abbreviate(missed)));
            }
        }
        if (!full && failedRows > MAX_FAILURE_ROWS) {
            rows.add("... and " + (failedRows - MAX_FAILURE_ROWS) + " more hosts with failures");
        }
        if (!m.failureReasons().isEmpty()) {
            rows.add("why: " + m.failureReasons().entrySet().stream()
                    .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", ")));
        }
        return rows;
    }

    /** {@code 0% loss (12/12 received)}, green when nothing was lost. */
    public static String summary(PingResult m, Console c) {
        String text = String.format("%s loss (%d/%d received)", percent(m.lossPercent()), m.received(), m.sent());
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
