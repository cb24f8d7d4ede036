package dev.flowlab.controller.openflow;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import javax.net.ssl.SSLException;

/**
 * What the controller needs to speak OpenFlow over TLS, as Open vSwitch's {@code ssl:} targets
 * expect (mutual TLS): its private key and certificate, and the CA certificate that every switch's
 * certificate must be signed by. A switch without such a certificate gets no further than the TLS
 * handshake. All three are PEM files; the key in PKCS#8 ({@code BEGIN PRIVATE KEY}, what OpenSSL 3
 * and {@code ovs-pki} write).
 *
 * @param privateKey    the controller's private key
 * @param certificate   the controller's certificate (switches check it against their CA certificate)
 * @param caCertificate the CA that signed the switches' certificates
 */
public record TlsFiles(Path privateKey, Path certificate, Path caCertificate) {
    /** Checks that each file is there and readable, naming the one that is not. */
    public TlsFiles {
        readable("private key", privateKey);
        readable("certificate", certificate);
        readable("CA certificate", caCertificate);
    }

    private static void readable(String what, Path file) {
        Objects.requireNonNull(file, what);
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("TLS " + what + " " + file + " does not exist or is not readable");
        }
    }

    /** The server side of TLS: our key and certificate, and a client certificate required and checked. */
    SslContext serverContext() {
        try {
            return SslContextBuilder.forServer(certificate.toFile(), privateKey.toFile())
                    .sslProvider(SslProvider.JDK)
                    .trustManager(caCertificate.toFile())
                    .clientAuth(ClientAuth.REQUIRE)
                    .protocols("TLSv1.3", "TLSv1.2")
                    .build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot use TLS files " + privateKey + ", " + certificate + ", "
                    + caCertificate + ": " + e.getMessage(), e);
        }
    }
}
