package dev.flowlab.bench.controller;

/** A problem the user can act on, with a one-line message that names it and, where known, the fix. */
public final class BenchException extends RuntimeException {
    public BenchException(String message) {
        super(message);
    }
}
