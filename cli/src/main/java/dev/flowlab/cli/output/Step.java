package dev.flowlab.cli.output;

import dev.flowlab.lab.Progress;
import java.time.Duration;

/**
 * One timed step of a run ("network", "pingall"...), printed as one aligned line when it ends:
 * {@code   ok  network     4 hosts, 3 switches        0.48 s}.
 */
public final class Step implements Progress.Stage {
    private static final long PLAIN_PROGRESS_EVERY_NANOS = 3_000_000_000L;

    private final Console console;
    private final String label;
    private final long startNanos = System.nanoTime();
    private long lastPlainProgressNanos = startNanos;

    Step(Console console, String label) {
        this.console = console;
        this.label = label;
    }

    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /**
     * Shows progress of this step: a live line on a terminal; when piped, a plain line every few
     * seconds, so a log of a long build still shows it moving without thousands of lines.
     */
    @Override
    public void progress(String detail) {
        String line = "  ..  " + pad(label) + detail + "  " + console.dim(seconds(elapsed()));
        if (console.isTerminal()) {
            console.transientLine(line);
        } else if (System.nanoTime() - lastPlainProgressNanos > PLAIN_PROGRESS_EVERY_NANOS) {
            lastPlainProgressNanos = System.nanoTime();
            console.println(line);
        }
    }

    @Override
    public void done(String detail) {
        console.println("  " + console.green("ok") + "  " + line(detail));
    }

    @Override
    public void warn(String detail) {
        console.println("  " + console.yellow("!!") + "  " + line(detail));
    }

    @Override
    public void fail(String detail) {
        console.println("  " + console.red("XX") + "  " + line(detail));
    }

    private String line(String detail) {
        return console.bold(pad(label)) + padDetail(detail) + console.dim(seconds(elapsed()));
    }

    private static String pad(String label) {
        return String.format("%-11s ", label);
    }

    private static String padDetail(String detail) {
        return detail.length() >= 52 ? detail + "  " : String.format("%-54s", detail);
    }

    /** {@code 0.48 s}, {@code 12.3 s}: the precision a person reads. */
    public static String seconds(Duration d) {
        double s = d.toNanos() / 1e9;
        return s < 10 ? String.format("%.2f s", s) : String.format("%.1f s", s);
    }
}
