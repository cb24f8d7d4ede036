package dev.flowlab.controller.core;

/**
 * A group or meter id that does not exist (404) or belongs to another owner (409). Apps see an
 * {@link IllegalArgumentException}; REST answers with the status.
 */
public final class OwnershipException extends IllegalArgumentException {
    private final int status;

    OwnershipException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status that says it: 404 or 409. */
    public int status() {
        return status;
    }
}
