package dev.flowlab.cli.bench;

/** A problem the user can act on, with a one-line message that names it and, where known, the fix. */
final class BenchException extends RuntimeException {
    BenchException(String message) {
        super(message);
    }
}
