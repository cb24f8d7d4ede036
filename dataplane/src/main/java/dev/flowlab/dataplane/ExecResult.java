package dev.flowlab.dataplane;

/**
 * What a finished command left: exit code and its whole output.
 *
 * @param exitCode the process's exit code (non-zero when it failed)
 * @param stdout   standard output, as text
 * @param stderr   standard error, as text
 */
public record ExecResult(int exitCode, String stdout, String stderr) {
    /** True when the command exited with 0. */
    public boolean ok() {
        return exitCode == 0;
    }
}
