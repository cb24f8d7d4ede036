package dev.flowlab.controller.rest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Token files ({@code rest-PORT.token}) whose controller is gone: a controller removes its own when it stops, but
 * one killed with SIGKILL cannot. {@code flowlab clean} removes those, and only those: a file is removed when the
 * owner recorded beside it ({@code rest-PORT.owner}) is no longer running. A token without an owner record (an
 * older flowlab wrote it) is left alone: nothing proves its controller is gone.
 */
public final class RestTokenFiles {
    private RestTokenFiles() {
    }

    /**
     * Removes, in {@code dir}, every token file and owner record whose owner is no longer running.
     *
     * @return the files removed
     */
    public static List<Path> removeAbandoned(Path dir) {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return removed;
        }
        List<Path> owners;
        try (Stream<Path> files = Files.list(dir)) {
            owners = files.filter(f -> isOwnerFile(f.getFileName().toString())).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        for (Path ownerFile : owners) {
            Optional<TokenOwner> owner = TokenOwner.read(ownerFile);
            if (owner.isEmpty() || owner.get().alive()) {
                continue;
            }
            String name = ownerFile.getFileName().toString();
            Path token = ownerFile.resolveSibling(name.substring(0, name.length() - TokenOwner.SUFFIX.length()) + ".token");
            // A controller that started on the same port since writes its owner record first: if the record
            // changed, the token beside it is that controller's.
            if (deleteIf(token, ownerFile, owner.get())) {
                removed.add(token);
            }
            if (deleteIf(ownerFile, ownerFile, owner.get())) {
                removed.add(ownerFile);
            }
        }
        return removed;
    }

    private static boolean isOwnerFile(String name) {
        return name.startsWith("rest-") && name.endsWith(TokenOwner.SUFFIX);
    }

    /** Deletes {@code file} if {@code ownerFile} still names {@code owner}; whether it deleted it. */
    private static boolean deleteIf(Path file, Path ownerFile, TokenOwner owner) {
        try {
            return TokenOwner.read(ownerFile).map(owner::equals).orElse(false) && Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot remove " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes this process as the owner of {@code tokenFile} (whole or not at all), before the token is written. */
    static void recordOwner(Path tokenFile) throws IOException {
        Path ownerFile = TokenOwner.fileOf(tokenFile);
        Path temp = Files.createTempFile(ownerFile.getParent(), ".rest-", TokenOwner.SUFFIX,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temp, TokenOwner.self().text(), StandardCharsets.US_ASCII);
        try {
            Files.move(temp, ownerFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, ownerFile, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Removes the owner record of {@code tokenFile} if it names this process. */
    static void removeOwner(Path tokenFile) {
        Path ownerFile = TokenOwner.fileOf(tokenFile);
        try {
            if (TokenOwner.read(ownerFile).map(TokenOwner.self()::equals).orElse(false)) {
                Files.delete(ownerFile);
            }
        } catch (IOException e) {
            // nothing to do: the record only matters while the token exists
        }
    }
}
