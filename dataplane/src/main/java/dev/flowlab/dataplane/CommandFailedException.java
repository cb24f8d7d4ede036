package dev.flowlab.dataplane;

import java.util.List;

/** An external command (ip, ovs-vsctl, tc...) exited non-zero; the message carries argv, exit code and stderr. */
public class CommandFailedException extends DataplaneException {
    private final List<String> argv;
    private final int exitCode;
    private final String stderr;

    public CommandFailedException(List<String> argv, int exitCode, String stderr) {
        super(shortArgv(argv) + " failed (exit " + exitCode + "): " + firstLines(stderr));
        this.argv = List.copyOf(argv);
        this.exitCode = exitCode;
        this.stderr = stderr;
    }

    public List<String> argv() {
        return argv;
    }

    public int exitCode() {
        return exitCode;
    }

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
