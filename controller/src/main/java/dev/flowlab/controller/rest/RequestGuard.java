package dev.flowlab.controller.rest;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every request must show before any handler sees it, checked in this order:
 * <ol>
 * <li>{@code Host} names the address the server is bound to (DNS rebinding: a page from
 *     {@code attacker.example} that resolves to 127.0.0.1 still sends {@code Host: attacker.example});
 *     {@code localhost} counts for a loopback bind, any IP literal for a wildcard bind;</li>
 * <li>{@code Origin}, when a browser sends one, names that same server (cross-site requests);</li>
 * <li>{@code Authorization: Bearer TOKEN}, except for {@code GET /} (a static page);</li>
 * <li>a body is JSON and says so ({@code Content-Type: application/json}): a form or
 *     {@code text/plain} is what a foreign page can send without asking the browser first.</li>
 * </ol>
 */
final class RequestGuard {
    private static final Pattern AUTHORITY = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[^:\\[\\]]+)(?::(\\d{1,5}))?");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern BEARER = Pattern.compile("(?i)bearer +(\\S+) *");

    private final int port;
    private final InetAddress bound;
    private final boolean anyIpLiteral;
    private final Set<String> names = new HashSet<>();
    private final String example;
    private final RestToken token;

    /**
     * @param listening  the address the server listens on
     * @param configured the host as the user wrote it ({@code --rest myhost:8080} lets {@code Host: myhost} in)
     */
    RequestGuard(InetSocketAddress listening, String configured, RestToken token) {
        this.port = listening.getPort();
        this.token = token;
        InetAddress address = listening.getAddress();
        this.bound = address;
        this.anyIpLiteral = address.isAnyLocalAddress();
        names.add(configured.toLowerCase(Locale.ROOT));
        this.example = configured + ":" + port;
        if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
            names.add("localhost");
        }
    }

    /** The refusal for this request, or empty when it may go on to its route. */
    Optional<Reply> refuse(String method, String path, String host, String origin, String authorization,
                           String contentType, boolean hasBody) {
        if (host == null || !isUs(host)) {
            return Optional.of(Reply.error(403, "Host '" + host + "' is not this server; address it as " + example));
        }
        if (origin != null && !sameOrigin(origin)) {
            return Optional.of(Reply.error(403, "cross-origin request from '" + origin + "' refused"));
        }
        if (!(method.equals("GET") && path.equals("/"))) {
            Optional<Reply> unauthorised = checkToken(authorization);
            if (unauthorised.isPresent()) {
                return unauthorised;
            }
        }
        if (hasBody && !isJson(contentType)) {
            return Optional.of(Reply.error(415, "send the body as JSON with Content-Type: application/json, not "
                    + (contentType == null ? "no Content-Type" : "'" + contentType + "'")));
        }
        return Optional.empty();
    }

    private Optional<Reply> checkToken(String authorization) {
        String problem;
        if (authorization == null) {
            problem = "missing token";
        } else {
            Matcher bearer = BEARER.matcher(authorization);
            if (bearer.matches() && token.matches(bearer.group(1))) {
                return Optional.empty();
            }
            problem = bearer.matches() ? "wrong token" : "the Authorization header is not 'Bearer TOKEN'";
        }
        return Optional.of(Reply.error(401, problem + ": send Authorization: Bearer TOKEN, the token being in "
                        + token.file() + " (readable by root)")
                .withHeader("WWW-Authenticate", "Bearer realm=\"flowlab\""));
    }

    private boolean isUs(String authority) {
        Matcher m = AUTHORITY.matcher(authority.trim());
        if (!m.matches()) {
            return false;
        }
        int asked = m.group(2) == null ? 80 : Integer.parseInt(m.group(2));
        if (asked != port) {
            return false;
        }
        String name = m.group(1).toLowerCase(Locale.ROOT);
        if (names.contains(name)) {
            return true;
        }
        // An IP literal cannot be rebound by DNS: on a wildcard bind, whichever of our addresses the client used.
        Optional<InetAddress> literal = literal(name);
        return literal.isPresent() && (anyIpLiteral || literal.get().equals(bound));
    }

    /** {@code 10.0.0.1} or {@code [::1]} as an address; empty for a name (never looked up in DNS). */
    private static Optional<InetAddress> literal(String name) {
        boolean v4 = IPV4.matcher(name).matches()
                && Arrays.stream(name.split("\\.")).allMatch(octet -> Integer.parseInt(octet) <= 255);
        if (!v4 && !name.startsWith("[")) {
            return Optional.empty();
        }
        try {   // a valid literal is parsed without a lookup; a bracketed non-literal is refused without one
            return Optional.of(InetAddress.getByName(name));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private boolean sameOrigin(String origin) {
        String prefix = "http://";
        return origin.regionMatches(true, 0, prefix, 0, prefix.length()) && isUs(origin.substring(prefix.length()));
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String media = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return media.equalsIgnoreCase("application/json");
    }
}
