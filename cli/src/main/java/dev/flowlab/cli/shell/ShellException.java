package dev.flowlab.cli.shell;

/** A shell command used the wrong way; the message says what is wrong and how it is used. */
public final class ShellException extends RuntimeException {
    public ShellException(String message) {
        super(message);
    }
}
