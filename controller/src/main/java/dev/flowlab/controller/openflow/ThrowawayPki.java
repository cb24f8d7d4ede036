package dev.flowlab.controller.openflow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A certificate authority made for one run and thrown away after it, with a certificate for the
 * controller and one for the switches, all signed by it: enough for mutual TLS between flowlab and
 * Open vSwitch without touching any real PKI. Made with the {@code openssl} command (RSA 2048,
 * valid two days), in a directory only the owner can read. A cluster of controllers gets one
 * certificate per member ({@link #memberFiles}), which its members also present to each other.
 *
 * <p>Files: {@code ca.pem}, {@code controller.key}/{@code controller.pem},
 * {@code switch.key}/{@code switch.pem}, {@code member-N.key}/{@code member-N.pem}; keys in PKCS#8 PEM.
 * Every leaf names {@code 127.0.0.1} and {@code localhost} as subject alternative names, so a peer
 * that checks host names (Raft's gRPC does) accepts it on loopback.
 */
public final class ThrowawayPki {
    private static final String DAYS = "2";
    private static final long OPENSSL_TIMEOUT_SECONDS = 60;

    private final Path dir;

    private ThrowawayPki(Path dir) {
        this.dir = dir;
    }

    /**
     * Makes the CA and both certificates in {@code dir} (created if missing, made owner-only).
     *
     * @throws IllegalStateException naming the openssl step that failed
     */
    public static ThrowawayPki create(Path dir) {
        ThrowawayPki pki = new ThrowawayPki(dir);
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            Path ext = dir.resolve("leaf.ext");
            Files.writeString(ext, "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\n"
                    + "extendedKeyUsage=serverAuth,clientAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost\n");
            pki.openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", DAYS,
                    "-keyout", "ca.key", "-out", "ca.pem", "-subj", "/O=flowlab/CN=flowlab throwaway CA",
                    "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
            pki.leaf("controller", "flowlab controller");
            pki.leaf("switch", "flowlab switches");
        } catch (IOException e) {
            throw new IllegalStateException("cannot make the run's TLS certificates in " + dir + ": " + e.getMessage(), e);
        }
        return pki;
    }

    /** A key and a certificate for {@code name}, signed by the CA. */
    private void leaf(String name, String commonName) {
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key", "-out", name + ".csr",
                "-subj", "/O=flowlab/CN=" + commonName);
        openssl("x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-days", DAYS, "-extfile", "leaf.ext", "-out", name + ".pem");
    }

    private void openssl(String... args) {
        List<String> argv = new ArrayList<>(List.of("openssl"));
        argv.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(OPENSSL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("openssl " + args[0] + " did not finish within " + OPENSSL_TIMEOUT_SECONDS + " s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("openssl " + String.join(" ", args) + " failed (exit " + p.exitValue() + "): "
                        + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run openssl (is it installed?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted making TLS certificates", e);
        }
    }

    public Path dir() {
        return dir;
    }

    public Path caCertificate() {
        return dir.resolve("ca.pem");
    }

    public Path switchKey() {
        return dir.resolve("switch.key");
    }

    public Path switchCertificate() {
        return dir.resolve("switch.pem");
    }

    /**
     * Cluster member {@code number}'s key and certificate (made now, signed by the CA) with the CA: what
     * it listens for switches with, and shows the other members (mutual TLS between them too).
     */
    public TlsFiles memberFiles(int number) {
        String name = "member-" + number;
        leaf(name, "flowlab controller " + number);
        return new TlsFiles(dir.resolve(name + ".key"), dir.resolve(name + ".pem"), caCertificate());
    }

    /** The controller's side: its key and certificate, and the CA that switch certificates must come from. */
    public TlsFiles controllerFiles() {
        return new TlsFiles(dir.resolve("controller.key"), dir.resolve("controller.pem"), caCertificate());
    }
}
