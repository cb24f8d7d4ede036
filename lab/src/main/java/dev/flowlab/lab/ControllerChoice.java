package dev.flowlab.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the bridges' controllers are: flowlab's own in this process, external ones over TCP (every
 * bridge gets all targets, OVS connects to each), N flowlab controller processes of the run's own, or
 * none at all (bridges then run on their own, which is only useful in {@code standalone} fail-mode).
 *
 * @param kind     what kind of controller
 * @param targets  for {@link Kind#EXTERNAL}: the OVS targets, {@code tcp:HOST:PORT} each
 * @param members  for {@link Kind#PROCESSES}: how many controller processes
 * @param launcher for {@link Kind#PROCESSES}: the command that runs {@code flowlab controller} (its options follow)
 */
public record ControllerChoice(Kind kind, List<String> targets, int members, List<String> launcher) {
    private static final Pattern TCP = Pattern.compile("tcp:([^:,]+):(\\d{1,5})");
    /** Enough for any failover experiment; each member is a JVM sharing this machine's cores. */
    public static final int MAX_MEMBERS = 7;

    public enum Kind { EMBEDDED, EXTERNAL, NONE, PROCESSES }

    public static final ControllerChoice EMBEDDED = new ControllerChoice(Kind.EMBEDDED, List.of(), 0, List.of());
    public static final ControllerChoice NONE = new ControllerChoice(Kind.NONE, List.of(), 0, List.of());

    public ControllerChoice {
        targets = List.copyOf(targets);
        launcher = List.copyOf(launcher);
    }

    /**
     * Parses {@code embedded}, {@code none} or {@code tcp:HOST:PORT[,tcp:HOST:PORT...]}; anything else is a
     * one-line error.
     */
    public static ControllerChoice parse(String text) {
        String t = text.trim();
        if (t.equals("embedded")) {
            return EMBEDDED;
        }
        if (t.equals("none")) {
            return NONE;
        }
        List<String> targets = new ArrayList<>();
        for (String one : t.split(",", -1)) {
            Matcher m = TCP.matcher(one.trim());
            int port = m.matches() ? Integer.parseInt(m.group(2)) : 0;
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("--controller '" + text + "' is not understood: use embedded, none, or"
                        + " tcp:HOST:PORT (e.g. tcp:127.0.0.1:6653), several separated by commas");
            }
            String target = "tcp:" + m.group(1) + ":" + port;
            if (targets.contains(target)) {
                throw new IllegalArgumentException("--controller '" + text + "' names " + target + " twice");
            }
            targets.add(target);
        }
        return new ControllerChoice(Kind.EXTERNAL, targets, 0, List.of());
    }

    /**
     * {@code members} flowlab controllers, each its own process started with {@code launcher} followed by
     * its options ({@code --listen}, {@code --rest}...).
     */
    public static ControllerChoice processes(int members, List<String> launcher) {
        if (members < 1 || members > MAX_MEMBERS) {
            throw new IllegalArgumentException("--controllers " + members + " is out of range: use 1 to " + MAX_MEMBERS);
        }
        if (launcher.isEmpty()) {
            throw new IllegalArgumentException("no command to start a flowlab controller with");
        }
        return new ControllerChoice(Kind.PROCESSES, List.of(), members, launcher);
    }

    /** The OVS targets of an external controller, comma-separated, for messages. */
    public String target() {
        return String.join(",", targets);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case EMBEDDED -> "embedded";
            case NONE -> "none";
            case EXTERNAL -> target();
            case PROCESSES -> members + " controller process" + (members == 1 ? "" : "es");
        };
    }
}
