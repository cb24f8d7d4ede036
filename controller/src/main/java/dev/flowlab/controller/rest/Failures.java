package dev.flowlab.controller.rest;

import dev.flowlab.controller.api.RestException;
import dev.flowlab.controller.api.SwitchErrorException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;

/** Maps what a handler threw to the HTTP status a client can act on. */
final class Failures {
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
        if (e instanceof IllegalArgumentException) {
            return RestException.badRequest(e.getMessage());
        }
        if (e instanceof IllegalStateException) {   // the switch disconnected while we waited
            return new RestException(503, e.getMessage());
        }
        return new RestException(500, "internal error: " + e);
    }
}
