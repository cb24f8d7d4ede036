package dev.flowlab.controller;

import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * How a client reaches a running REST API: where it answers and the token it wants.
 *
 * @param address   the bound address (with the real port when 0 was asked)
 * @param token     the bearer token every request but {@code GET /} must carry
 * @param tokenFile where the token is written, readable by its owner only (root for a flowlab run)
 */
public record RestAccess(InetSocketAddress address, String token, Path tokenFile) {

    /** {@code http://HOST:PORT}, without a trailing slash. */
    public String baseUrl() {
        String host = address.getHostString();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    /** The value of the {@code Authorization} header: {@code Bearer TOKEN}. */
    public String authorization() {
        return "Bearer " + token;
    }

    /** Never shows the token. */
    @Override
    public String toString() {
        return baseUrl() + " (token in " + tokenFile + ")";
    }
}
