package dev.flowlab.controller.api;

/** Answers one REST request. */
@FunctionalInterface
public interface RestHandler {

    /**
     * Handles the request.
     *
     * @return the body, written as JSON with status 200; a {@link RestResponse} to choose the status; or a
     *         {@link java.util.concurrent.CompletionStage} of either, answered when it completes (what a handler
     *         that waits for a switch should return, rather than block on {@code join()})
     * @throws RestException for an answer other than success (400 naming the bad field, 404...)
     */
    Object handle(RestRequest request);
}
