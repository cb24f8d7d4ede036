package dev.flowlab.cli;

import dev.flowlab.controller.ControllerConfig;
import dev.flowlab.controller.openflow.TlsFiles;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --listen} and its TLS files: where and how the controller waits for switches. A picocli mixin. */
public final class ListenOption {
    private static final String SSL = "ssl:";
    private static final String TCP = "tcp:";

    @Option(names = "--listen", paramLabel = "[tcp:|ssl:]HOST:PORT", defaultValue = "127.0.0.1:6653",
            description = "address to listen on for switches (default: ${DEFAULT-VALUE}); ssl:HOST:PORT for OpenFlow over"
                    + " mutual TLS, as Open vSwitch's ssl: targets speak it (needs --tls-key, --tls-cert, --tls-ca)")
    String listen;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "with ssl: the controller's private key (PEM, PKCS#8)")
    Path key;

    @Option(names = "--tls-cert", paramLabel = "FILE", description = "with ssl: the controller's certificate (PEM)")
    Path certificate;

    @Option(names = "--tls-ca", paramLabel = "FILE",
            description = "with ssl: the CA certificate (PEM) that must have signed every switch's certificate")
    Path ca;

    public InetSocketAddress address() {
        return parse(withoutScheme());
    }

    /** The TLS files for an {@code ssl:} address; null for plain TCP. One-line errors for a half-given set. */
    public TlsFiles tls() {
        boolean anyFile = key != null || certificate != null || ca != null;
        if (!listen.startsWith(SSL)) {
            if (anyFile) {
                throw new IllegalArgumentException("--tls-key, --tls-cert and --tls-ca are for --listen ssl:HOST:PORT;"
                        + " --listen " + listen + " is plain TCP");
            }
            return null;
        }
        if (key == null || certificate == null || ca == null) {
            throw new IllegalArgumentException("--listen " + listen + " needs --tls-key, --tls-cert and --tls-ca"
                    + " (for example the files of ovs-pki's controllerca and a controller certificate)");
        }
        return new TlsFiles(key, certificate, ca);
    }

    private String withoutScheme() {
        if (listen.startsWith(SSL)) {
            return listen.substring(SSL.length());
        }
        return listen.startsWith(TCP) ? listen.substring(TCP.length()) : listen;
    }

    /** {@code HOST:PORT}, {@code [IPv6]:PORT}, or {@code PORT} alone (on 127.0.0.1). */
    static InetSocketAddress parse(String value) {
        String host = ControllerConfig.DEFAULT_HOST;
        String port = value;
        int colon = value.lastIndexOf(':');
        if (colon >= 0) {
            host = value.substring(0, colon).replaceAll("^\\[(.*)]$", "$1");
            port = value.substring(colon + 1);
        }
        try {
            int number = Integer.parseInt(port);
            if (host.isEmpty() || number < 0 || number > 65535) {
                throw new NumberFormatException();
            }
            return InetSocketAddress.createUnresolved(host, number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--listen '" + value + "' is not HOST:PORT; for example 127.0.0.1:6653"
                    + " or ssl:127.0.0.1:6653");
        }
    }
}
