package dev.flowlab.lab;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the bridges' controller is: flowlab's own in this process, an external one over TCP, or
 * none at all (bridges then run on their own, which is only useful in {@code standalone} fail-mode).
 *
 * @param kind what kind of controller
 * @param host for {@link Kind#EXTERNAL}: its address
 * @param port for {@link Kind#EXTERNAL}: its TCP port
 */
public record ControllerChoice(Kind kind, String host, int port) {
    private static final Pattern TCP = Pattern.compile("tcp:([^:]+):(\\d{1,5})");

    public enum Kind { EMBEDDED, EXTERNAL, NONE }

    public static final ControllerChoice EMBEDDED = new ControllerChoice(Kind.EMBEDDED, null, 0);
    public static final ControllerChoice NONE = new ControllerChoice(Kind.NONE, null, 0);

    /** Parses {@code embedded}, {@code none} or {@code tcp:HOST:PORT}; anything else is a one-line error. */
    public static ControllerChoice parse(String text) {
        String t = text.trim();
        if (t.equals("embedded")) {
            return EMBEDDED;
        }
        if (t.equals("none")) {
            return NONE;
        }
        Matcher m = TCP.matcher(t);
        if (m.matches()) {
            int port = Integer.parseInt(m.group(2));
            if (port >= 1 && port <= 65535) {
                return new ControllerChoice(Kind.EXTERNAL, m.group(1), port);
            }
        }
        throw new IllegalArgumentException("--controller '" + text
                + "' is not understood: use embedded, none, or tcp:HOST:PORT (e.g. tcp:127.0.0.1:6653)");
    }

    /** The target OVS is given ({@code tcp:127.0.0.1:6653}); only for an external controller. */
    public String target() {
        return "tcp:" + host + ":" + port;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case EMBEDDED -> "embedded";
            case NONE -> "none";
            case EXTERNAL -> target();
        };
    }
}
