package dev.flowlab.dataplane;

/**
 * Something the dataplane could not do. The message is one line that names the problem and, where
 * the user can act, the fix (for example "not running as root: run flowlab with sudo").
 */
public class DataplaneException extends RuntimeException {
    public DataplaneException(String message) {
        super(message);
    }

    public DataplaneException(String message, Throwable cause) {
        super(message, cause);
    }
}
