package dev.flowlab.cli.output;

import dev.flowlab.lab.Progress;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Everything the CLI prints for a person. Results go to stdout; colour and the live progress line
 * only when stdout is a terminal, so piped output stays plain text that greps and diffs well.
 */
public final class Console implements Progress {
    private static final String RESET = "\u001b[0m";

    private final PrintWriter out;
    private final boolean terminal;
    private boolean transientShown;

    public Console(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** The console of this process: colour when stdout is a terminal and NO_COLOR is not set. */
    public static Console system() {
        boolean tty = System.console() != null && System.getenv("NO_COLOR") == null
                && !"dumb".equals(System.getenv("TERM"));
        return new Console(new PrintWriter(new PrintStream(System.out, true, StandardCharsets.UTF_8), true), tty);
    }

    /** A console writing plain text to {@code out}, for tests and pipes. */
    public static Console plain(PrintWriter out) {
        return new Console(out, false);
    }

    public boolean isTerminal() {
        return terminal;
    }

    public PrintWriter writer() {
        return out;
    }

    public synchronized void println(String line) {
        clearTransient();
        out.println(line);
        out.flush();
    }

    public void println() {
        println("");
    }

    /** A line that the next output replaces; shown only on a terminal (a pipe gets the final line only). */
    public synchronized void transientLine(String line) {
        if (!terminal) {
            return;
        }
        out.print("\r\u001b[2K" + line);
        out.flush();
        transientShown = true;
    }

    /** Starts a timed step; its line is printed when the step ends, with the time it took. */
    /** A bold line before a group of steps. */
    @Override
    public void heading(String text) {
        println(bold(text));
    }

    @Override
    public Step step(String label) {
        return new Step(this, label);
    }

    public String bold(String s) {
        return paint("1", s);
    }

    public String dim(String s) {
        return paint("2", s);
    }

    public String green(String s) {
        return paint("32", s);
    }

    public String red(String s) {
        return paint("31", s);
    }

    public String yellow(String s) {
        return paint("33", s);
    }

    public String cyan(String s) {
        return paint("36", s);
    }

    private String paint(String code, String s) {
        return terminal ? "\u001b[" + code + "m" + s + RESET : s;
    }

    private void clearTransient() {
        if (transientShown) {
            out.print("\r\u001b[2K");
            transientShown = false;
        }
    }
}
