package dev.flowlab.controller;

/** The controller did not see the expected network in time; the message names what is missing, in one line. */
public final class NotReadyException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public NotReadyException(String message) {
        super(message);
    }
}
