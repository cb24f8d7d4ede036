package dev.flowlab.cluster;

import java.util.regex.Pattern;

/**
 * One member of a cluster as the user names it: {@code ID@HOST:PORT}, where PORT is the member's
 * Raft port (not its OpenFlow or REST port).
 */
public record MemberAddress(String id, String host, int port) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    public MemberAddress {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("member id '" + id + "' must be 1-32 letters, digits, '-' or '_'");
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("member " + id + " has no host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("member " + id + ": port " + port + " is out of range 1-65535");
        }
    }

    /** Reads {@code ID@HOST:PORT}. */
    public static MemberAddress parse(String text) {
        int at = text.indexOf('@');
        int colon = text.lastIndexOf(':');
        if (at <= 0 || colon < at + 2 || colon == text.length() - 1) {
            throw new IllegalArgumentException("cluster member '" + text + "' is not ID@HOST:PORT, like 1@127.0.0.1:7001");
        }
        try {
            return new MemberAddress(text.substring(0, at), text.substring(at + 1, colon),
                    Integer.parseInt(text.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cluster member '" + text + "': port '" + text.substring(colon + 1)
                    + "' is not a number");
        }
    }

    /** {@code HOST:PORT}, where the member's Raft server listens. */
    public String hostPort() {
        return host + ":" + port;
    }

    @Override
    public String toString() {
        return id + "@" + hostPort();
    }
}
