package dev.flowlab.controller.rest;

import dev.flowlab.controller.api.IsSlaveException;
import dev.flowlab.controller.api.RestException;
import dev.flowlab.controller.api.SwitchErrorException;
import dev.flowlab.controller.core.OwnershipException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps what a handler threw to the HTTP status a client can act on. */
final class Failures {
    private static final Pattern ERROR_CODE = Pattern.compile("code=([A-Z_0-9]+)");
    private Failures() {
    }

    /** What was thrown, without the wrappers futures add around it. */
    static Throwable cause(Throwable thrown) {
        Throwable e = thrown;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    static RestException toRest(Throwable thrown) {
        Throwable e = cause(thrown);
        if (e instanceof RestException r) {
            return r;
        }
        if (e instanceof RejectedExecutionException) {   // every worker busy and the queue full
            return new RestException(503, "the REST server is busy; try again");
        }
        if (e instanceof TimeoutException) {
            return new RestException(504, e.getMessage());
        }
        if (e instanceof SwitchErrorException s) {
            return new RestException(502, s.getMessage() + ": " + s.error());
        }
        if (e instanceof IsSlaveException) {   // the change belongs on the switch's master
            return new RestException(409, e.getMessage());
        }
        if (e instanceof OwnershipException o) {
            return new RestException(o.status(), o.getMessage());
        }
        if (e instanceof UnsupportedOperationException) {   // groups on OpenFlow 1.0, say
            return RestException.badRequest(e.getMessage());
        }
        if (e instanceof IllegalArgumentException) {
            return RestException.badRequest(e.getMessage());
        }
        if (e instanceof IllegalStateException) {   // the switch disconnected while we waited
            return new RestException(503, e.getMessage());
        }
        return new RestException(500, "internal error: " + e);
    }

    /** The error type and code, e.g. {@code FLOW_MOD_FAILED BAD_TABLE_ID}, without the echoed message bytes. */
    static String describe(SwitchErrorException e) {
        Matcher code = ERROR_CODE.matcher(e.error().toString());
        return e.error().getErrType() + (code.find() ? " " + code.group(1) : "");
    }
}
