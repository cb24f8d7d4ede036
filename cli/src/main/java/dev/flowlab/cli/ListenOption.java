package dev.flowlab.cli;

import dev.flowlab.controller.ControllerConfig;
import java.net.InetSocketAddress;
import picocli.CommandLine.Option;

/** {@code --listen}: where the controller waits for switches. A picocli mixin. */
public final class ListenOption {
    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:6653",
            description = "address to listen on for switches (default: ${DEFAULT-VALUE})")
    String listen;

    public InetSocketAddress address() {
        return parse(listen);
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
            throw new IllegalArgumentException("--listen '" + value + "' is not HOST:PORT; for example 127.0.0.1:6653");
        }
    }
}
