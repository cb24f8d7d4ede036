package dev.flowlab.cli;

import dev.flowlab.controller.RestAccess;

/** The one line that tells a user the REST token at start (it is shown nowhere else) and where it is kept. */
final class RestBanner {
    private RestBanner() {
    }

    /** {@code REST token: T (also in /run/flowlab/rest-8080.token, readable by root only; send "Authorization: Bearer T")}. */
    static String token(RestAccess access) {
        return "REST token: " + access.token() + " (also in " + access.tokenFile()
                + ", readable by root only; send it as \"Authorization: Bearer TOKEN\")";
    }
}
