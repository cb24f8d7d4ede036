package dev.flowlab.cli;

import dev.flowlab.controller.RestAccess;
import dev.flowlab.lab.ControllerProcess;

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

    /** {@code REST of controller 2: http://127.0.0.1:P/api, token T (also in DIR/rest-P.token, readable by root only)}. */
    static String member(ControllerProcess member) {
        return "REST of controller " + member.number() + ": " + member.restUrl() + "/api, token "
                + member.token().orElse("(not written yet)") + " (also in " + member.tokenFile()
                + ", readable by root only; each controller has its own)";
    }
}
