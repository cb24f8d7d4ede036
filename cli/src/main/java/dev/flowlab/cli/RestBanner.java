package dev.flowlab.cli;

import dev.flowlab.controller.RestAccess;

/**
 * The lines that tell a user the REST token at start (it is shown nowhere else), where it is kept, and
 * the web view's link (the token after {@code #} stays in the browser: it is never sent in a URL).
 */
final class RestBanner {
    private RestBanner() {
    }

    /** {@code REST token: T (also in /run/flowlab/rest-8080.token, readable by root only; send "Authorization: Bearer T")}. */
    static String token(RestAccess access) {
        return "REST token: " + access.token() + " (also in " + access.tokenFile()
                + ", readable by root only; send it as \"Authorization: Bearer TOKEN\")"
                + System.lineSeparator() + "web view: " + access.baseUrl() + "/#token=" + access.token()
                + "   metrics: " + access.baseUrl() + "/metrics (same token)";
    }
}
