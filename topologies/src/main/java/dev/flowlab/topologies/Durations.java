package dev.flowlab.topologies;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Link delays written like tc and Mininet write them: {@code 5ms}, {@code 100us}, {@code 1.5s}. */
final class Durations {
    private static final Pattern TIME = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|ms|s)");

    private Durations() {
    }

    /** Parses {@code 5ms}; throws naming the field when the text is not a number with a unit. */
    static Duration parse(String field, String text) {
        Matcher m = TIME.matcher(text.trim());
        if (!m.matches()) {
            throw new TopologyException(field + " '" + text + "' is not a time like 5ms (units: s, ms, us, ns)");
        }
        long nanosPerUnit = switch (m.group(2)) {
            case "s" -> 1_000_000_000L;
            case "ms" -> 1_000_000L;
            case "us" -> 1_000L;
            default -> 1L;
        };
        BigDecimal nanos = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(nanosPerUnit));
        try {
            return Duration.ofNanos(nanos.longValueExact());
        } catch (ArithmeticException e) {
            throw new TopologyException(field + " '" + text + "' is not a whole number of nanoseconds or is too long");
        }
    }

    /** The shortest exact form: {@code 1s}, {@code 5ms}, {@code 250us}, {@code 7ns}. */
    static String format(Duration d) {
        long nanos = d.toNanos();
        if (nanos != 0 && nanos % 1_000_000_000L == 0) {
            return nanos / 1_000_000_000L + "s";
        }
        if (nanos % 1_000_000L == 0) {
            return nanos / 1_000_000L + "ms";
        }
        return nanos % 1_000L == 0 ? nanos / 1_000L + "us" : nanos + "ns";
    }
}
