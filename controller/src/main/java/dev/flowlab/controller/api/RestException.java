package dev.flowlab.controller.api;

/**
 * A REST request that cannot be answered with success. The client receives the status and
 * {@code {"error": message}}; the message should name what is wrong and how to fix it.
 */
public final class RestException extends RuntimeException {
    private final int status;

    /** @param status HTTP status code (4xx or 5xx); @param message one line for the client */
    public RestException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** 400: the request is malformed; the message names the field at fault. */
    public static RestException badRequest(String message) {
        return new RestException(400, message);
    }

    /** 404: what the path names does not exist. */
    public static RestException notFound(String message) {
        return new RestException(404, message);
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }
}
