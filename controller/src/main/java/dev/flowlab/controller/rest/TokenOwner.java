package dev.flowlab.controller.rest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The process that wrote a REST token file: its pid and start time (a pid reused by another program has
 * another start time), kept beside the token as {@code rest-PORT.owner}, so {@link RestTokenFiles} can tell the
 * token of a controller killed with SIGKILL (which cannot remove it) from a live one's.
 *
 * @param pid          the owner's pid
 * @param startMillis  when it started, milliseconds since the epoch, as {@link ProcessHandle.Info#startInstant()} says
 */
record TokenOwner(long pid, long startMillis) {
    static final String SUFFIX = ".owner";

    /** This process. */
    static TokenOwner self() {
        return of(ProcessHandle.current()).orElseThrow(() -> new IllegalStateException("this process has no start time"));
    }

    static Optional<TokenOwner> of(ProcessHandle process) {
        return process.info().startInstant().map(start -> new TokenOwner(process.pid(), start.toEpochMilli()));
    }

    /** The owner file of {@code tokenFile}: {@code rest-8080.owner} beside {@code rest-8080.token}. */
    static Path fileOf(Path tokenFile) {
        String name = tokenFile.getFileName().toString();
        return tokenFile.resolveSibling(name.substring(0, name.length() - ".token".length()) + SUFFIX);
    }

    /** Whether it is still running (the same pid with the same start time). */
    boolean alive() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).flatMap(TokenOwner::of).map(this::equals).orElse(false);
    }

    /** The owner {@code file} names; empty when there is no such file or it is not one. */
    static Optional<TokenOwner> read(Path file) {
        try {
            String[] f = Files.readString(file, StandardCharsets.US_ASCII).strip().split(" ");
            return f.length == 2 ? Optional.of(new TokenOwner(Long.parseLong(f[0]), Long.parseLong(f[1]))) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    String text() {
        return pid + " " + startMillis + "\n";
    }

    @Override
    public String toString() {
        return "pid " + pid + " started " + Instant.ofEpochMilli(startMillis);
    }
}
