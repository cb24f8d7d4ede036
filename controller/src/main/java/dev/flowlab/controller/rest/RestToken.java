package dev.flowlab.controller.rest;

import dev.flowlab.controller.RestConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The REST API's bearer token and the file that holds it ({@code rest-PORT.token}, mode 0600), so
 * that a local user with the right to read it ({@code sudo cat}) can call the API and a web page
 * in a browser cannot. The file is made with its final permissions before the token is written,
 * and removed when the server stops. This process is recorded as its owner beside it first
 * ({@link RestTokenFiles}), so that {@code flowlab clean} can remove it after a SIGKILL.
 */
final class RestToken implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String value;
    private final byte[] bytes;
    private final Path file;

    private RestToken(String value, Path file) {
        this.value = value;
        this.bytes = value.getBytes(StandardCharsets.US_ASCII);
        this.file = file;
    }

    /**
     * The configured token, or a new random one (256 bits), written to the token directory.
     *
     * @throws IllegalStateException when the file cannot be written, naming it
     */
    static RestToken create(RestConfig config, int boundPort) {
        String value = config.token() != null ? config.token() : generate();
        Path dir = directory(config.tokenDir());
        Path file = dir.resolve(RestConfig.tokenFileName(boundPort));
        try {
            RestTokenFiles.recordOwner(file);
            Path temp = Files.createTempFile(dir, ".rest-" + boundPort + "-", ".token",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temp, value + "\n", StandardCharsets.US_ASCII);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalStateException("cannot write the REST token to " + file + ": " + e.getMessage()
                    + " (run as root, or choose a writable token directory)", e);
        }
        return new RestToken(value, file);
    }

    /**
     * The configured directory, made if missing. Only the default, root's {@code /run/flowlab}, falls
     * back to the user's own run-time directory when it cannot be made (a non-root developer).
     */
    private static Path directory(Path configured) {
        try {
            return Files.createDirectories(configured);
        } catch (IOException e) {
            if (!configured.equals(RestConfig.DEFAULT_TOKEN_DIR)) {
                throw new IllegalStateException("cannot make the REST token directory " + configured + ": " + e, e);
            }
        }
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        Path fallback = runtime != null ? Path.of(runtime, "flowlab") : Path.of(System.getProperty("user.home"), ".flowlab");
        try {
            return Files.createDirectories(fallback);
        } catch (IOException e) {
            throw new IllegalStateException("cannot make a REST token directory (" + RestConfig.DEFAULT_TOKEN_DIR + " nor "
                    + fallback + "): " + e, e);
        }
    }

    private static String generate() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** The token itself. */
    String value() {
        return value;
    }

    /** Where it is written. */
    Path file() {
        return file;
    }

    /** Whether {@code candidate} is the token, in time that does not depend on where they differ. */
    boolean matches(String candidate) {
        return MessageDigest.isEqual(bytes, candidate.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Removes the file, if it still holds this token (a later run on the same port may have replaced it), and the
     * owner record beside it, if it still names this process.
     */
    @Override
    public void close() {
        try {
            if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.US_ASCII).trim().equals(value)) {
                Files.delete(file);
            }
        } catch (IOException e) {
            // nothing to do: the file only matters while this server runs
        }
        RestTokenFiles.removeOwner(file);
    }
}
