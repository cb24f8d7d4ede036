package dev.flowlab.dataplane;

import java.time.Duration;
import java.util.List;

/**
 * An external command ran past its deadline and was killed with everything it started. A
 * {@link CommandFailedException} (exit code -1), so callers handle both with one catch.
 */
public class CommandTimeoutException extends CommandFailedException {
    private final Duration timeout;

    public CommandTimeoutException(List<String> argv, Duration timeout, String stderr) {
        super(argv, -1, stderr, "did not finish within " + seconds(timeout) + " (killed)");
        this.timeout = timeout;
    }

    /** The deadline it missed. */
    public Duration timeout() {
        return timeout;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
