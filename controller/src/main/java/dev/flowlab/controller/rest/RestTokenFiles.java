package dev.flowlab.controller.rest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Token files ({@code rest-PORT.token}) whose controller is gone: a controller removes its own when it stops, but
 * one killed with SIGKILL cannot. {@code flowlab clean} removes those, and only those: a file is removed when the
 * owner recorded beside it ({@code rest-PORT.owner}) is no longer running. A token without an owner record (an
 * older flowlab wrote it: this one writes the record before the token and removes it after) is removed when nothing
 * listens on its port now: its controller served REST on that port for as long as it ran.
 */
public final class RestTokenFiles {
    private static final Pattern OLD_TOKEN = Pattern.compile("rest-(\\d{1,5})\\.token");

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

    /**
     * Removes, in {@code dir}, every token file an older flowlab left: named {@code rest-PORT.token}, a regular file
     * of this user with no owner record beside it, and nothing listening on TCP port PORT now (any address, IPv4 or
     * IPv6, in this network namespace). Kept when the kernel's socket tables cannot be read.
     *
     * @return the files removed
     */
    public static List<Path> removeOwnerless(Path dir) {
        List<Path> removed = new ArrayList<>();
        Set<Integer> listening = listeningPorts();
        if (!Files.isDirectory(dir) || listening == null) {
            return removed;
        }
        List<Path> tokens;
        try (Stream<Path> files = Files.list(dir)) {
            tokens = files.filter(f -> OLD_TOKEN.matcher(f.getFileName().toString()).matches()).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        for (Path token : tokens) {
            Matcher name = OLD_TOKEN.matcher(token.getFileName().toString());
            int port = name.matches() ? Integer.parseInt(name.group(1)) : 0;
            try {
                if (port < 1 || port > 65535 || listening.contains(port) || Files.exists(TokenOwner.fileOf(token),
                        LinkOption.NOFOLLOW_LINKS) || !Files.isRegularFile(token, LinkOption.NOFOLLOW_LINKS)
                        || !Files.getOwner(token, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"))) {
                    continue;
                }
                if (Files.deleteIfExists(token)) {
                    removed.add(token);
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot remove " + token + ": " + e.getMessage(), e);
            }
        }
        return removed;
    }

    /** TCP ports something listens on in this network namespace, from the kernel's socket tables; null if unreadable. */
    private static Set<Integer> listeningPorts() {
        Set<Integer> ports = new HashSet<>();
        for (Path table : List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"))) {
            if (table.endsWith("tcp6") && !Files.exists(table)) {
                continue;   // IPv6 off: nothing listens there
            }
            try {
                for (String line : Files.readAllLines(table)) {
                    // "  0: 0100007F:1A0B 00000000:0000 0A ...": local address:port (hex), remote, state (0A: LISTEN)
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 3 && f[3].equals("0A") && f[1].contains(":")) {
                        ports.add(Integer.parseInt(f[1].substring(f[1].lastIndexOf(':') + 1), 16));
                    }
                }
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
        return ports;
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
