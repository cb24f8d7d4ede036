package dev.flowlab.dataplane;

import java.util.List;

/** An external command (ip, ovs-vsctl, tc...) exited non-zero; the message carries argv, exit code and stderr. */
public class CommandFailedException extends DataplaneException {
    private final List<String> argv;
    private final int exitCode;
    private final String stderr;

    public CommandFailedException(List<String> argv, int exitCode, String stderr) {
        this(argv, exitCode, stderr, "failed (exit " + exitCode + ")");
    }

    /** For subclasses that say differently how it failed ({@code what} follows argv in the message). */
    protected CommandFailedException(List<String> argv, int exitCode, String stderr, String what) {
        super(shortArgv(argv) + " " + what + (stderr == null || stderr.isBlank() ? "" : ": " + firstLines(stderr)));
        this.argv = List.copyOf(argv);
        this.exitCode = exitCode;
        this.stderr = stderr;
    }

    /** The command as run. */
    public List<String> argv() {
        return argv;
    }

    /** Its exit code; -1 when it was killed for running too long. */
    public int exitCode() {
        return exitCode;
    }

    /** What it wrote to stderr (stdout when stderr was empty). */
    public String stderr() {
        return stderr;
    }

    /** ovs-vsctl transactions for 1,000 hosts are long: name the command, not all of it. */
    private static String shortArgv(List<String> argv) {
        String all = String.join(" ", argv);
        return all.length() > 200 ? all.substring(0, 200) + " ..." : all;
    }

    private static String firstLines(String text) {
        String t = text == null ? "" : text.strip().replace('\n', ' ');
        return t.length() > 300 ? t.substring(0, 300) + "..." : t;
    }
}
