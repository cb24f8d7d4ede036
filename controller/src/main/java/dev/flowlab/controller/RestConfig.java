package dev.flowlab.controller;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Whether and where the controller serves its REST API, and how it is guarded.
 *
 * @param enabled     whether to serve it at all
 * @param host        address to listen on (127.0.0.1 by default: only local clients)
 * @param port        TCP port; 0 picks a free one ({@link Controller#restAccess()} tells which)
 * @param token       the bearer token every request must carry; null to generate one at start
 * @param tokenDir    where the token is written ({@code rest-PORT.token}, readable by its owner only)
 * @param readTimeout how long a client may take to send one whole request once it started
 * @param idleTimeout how long a kept-alive connection may sit without a request before it is closed
 */
public record RestConfig(boolean enabled, String host, int port, String token, Path tokenDir, Duration readTimeout,
                         Duration idleTimeout) {
    /** Ryu's and Floodlight's REST port. */
    public static final int DEFAULT_PORT = 8080;
    /** Where token files go: the run-time directory flowlab already uses, root's only. */
    public static final Path DEFAULT_TOKEN_DIR = Path.of("/run/flowlab");
    /** Headers and body of one request must arrive within this (slow clients are cut, not waited for). */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);
    /** A kept-alive connection without a request is closed after this. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
    /** RFC 6750's token68 characters; 16 at least so that a chosen token is not guessable in a few tries. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~+/-]{16,256}");

    public RestConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(tokenDir, "tokenDir");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("REST port " + port + " is out of range; use 0-65535 (0 picks a free port)");
        }
        if (token != null && !TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException("--rest-token must be 16-256 characters of A-Z a-z 0-9 . _ ~ + / -"
                    + " (leave it out and a random one is made)");
        }
        if (readTimeout.isNegative() || readTimeout.isZero() || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("REST timeouts must be positive, not " + readTimeout + " / " + idleTimeout);
        }
    }

    /** No REST API. */
    /** The name of the token file of a REST API on {@code boundPort}, in {@link #tokenDir()}. */
    public static String tokenFileName(int boundPort) {
        return "rest-" + boundPort + ".token";
    }

    public static RestConfig off() {
        return new RestConfig(false, ControllerConfig.DEFAULT_HOST, DEFAULT_PORT, null, DEFAULT_TOKEN_DIR,
                DEFAULT_READ_TIMEOUT, DEFAULT_IDLE_TIMEOUT);
    }

    /** The REST API on this address, with a token generated at start. */
    public static RestConfig on(String host, int port) {
        return new RestConfig(true, host, port, null, DEFAULT_TOKEN_DIR, DEFAULT_READ_TIMEOUT, DEFAULT_IDLE_TIMEOUT);
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

    /**
     * Parses {@code --rest} and {@code --rest-token} together (the token may be null: one is generated).
     *
     * @throws IllegalArgumentException for a bad value, or a token for a REST API that is off
     */
    public static RestConfig parse(String rest, String token) {
        RestConfig config = parse(rest);
        if (token != null && !config.enabled()) {
            throw new IllegalArgumentException("--rest-token is for the REST API, which is off: add --rest PORT");
        }
        return config.withToken(token);
    }

    /** This configuration with a token chosen by the user ({@code --rest-token}); null generates one. */
    public RestConfig withToken(String chosen) {
        return new RestConfig(enabled, host, port, chosen, tokenDir, readTimeout, idleTimeout);
    }

    /** This configuration writing its token file into {@code dir}. */
    public RestConfig withTokenDir(Path dir) {
        return new RestConfig(enabled, host, port, token, dir, readTimeout, idleTimeout);
    }

    /** This configuration with other read and idle timeouts. */
    public RestConfig withTimeouts(Duration read, Duration idle) {
        return new RestConfig(enabled, host, port, token, tokenDir, read, idle);
    }

    /** Never shows the token. */
    @Override
    public String toString() {
        return enabled ? host + ":" + port : "off";
    }
}
