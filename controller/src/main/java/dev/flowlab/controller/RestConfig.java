package dev.flowlab.controller;

import java.util.Objects;

/**
 * Whether and where the controller serves its REST API.
 *
 * @param enabled whether to serve it at all
 * @param host    address to listen on (127.0.0.1 by default: only local clients)
 * @param port    TCP port; 0 picks a free one ({@link Controller#restAddress()} tells which)
 */
public record RestConfig(boolean enabled, String host, int port) {
    /** Ryu's and Floodlight's REST port. */
    public static final int DEFAULT_PORT = 8080;

    public RestConfig {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("REST port " + port + " is out of range; use 0-65535 (0 picks a free port)");
        }
    }

    /** No REST API. */
    public static RestConfig off() {
        return new RestConfig(false, ControllerConfig.DEFAULT_HOST, DEFAULT_PORT);
    }

    /** The REST API on this address. */
    public static RestConfig on(String host, int port) {
        return new RestConfig(true, host, port);
    }

    /**
     * Parses a command-line value: {@code off}, {@code PORT} (on 127.0.0.1) or {@code HOST:PORT}.
     *
     * @throws IllegalArgumentException with a one-line message naming the accepted forms
     */
    public static RestConfig parse(String text) {
        String t = text.trim();
        if (t.equals("off")) {
            return off();
        }
        int colon = t.lastIndexOf(':');
        String host = colon < 0 ? ControllerConfig.DEFAULT_HOST : t.substring(0, colon);
        String port = t.substring(colon + 1);
        if (host.isEmpty() || !port.matches("\\d{1,5}") || Integer.parseInt(port) > 65535) {
            throw new IllegalArgumentException("--rest '" + text + "' is not understood: use off, PORT or HOST:PORT"
                    + " (e.g. 127.0.0.1:8080)");
        }
        return on(host, Integer.parseInt(port));
    }

    @Override
    public String toString() {
        return enabled ? host + ":" + port : "off";
    }
}
