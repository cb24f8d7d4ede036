package dev.flowlab.bench.controller;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Whether something listens on a TCP port of 127.0.0.1. Reads the kernel's socket table rather than
 * connecting, so a controller that is starting does not see (and log) probe connections.
 */
final class ListeningPorts {
    private static final String TCP_LISTEN = "0A";
    private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));

    private ListeningPorts() {
    }

    static boolean isListening(int port) {
        if (!Files.isReadable(TABLES.get(0))) {
            return canConnect(port);
        }
        String suffix = String.format(Locale.ROOT, ":%04X", port);
        for (Path table : TABLES) {
            try {
                for (String line : Files.readAllLines(table)) {
                    // "  0: 0100007F:1A0B 00000000:0000 0A ..." local address, remote address, state
                    String[] fields = line.trim().split("\\s+");
                    if (fields.length > 3 && fields[1].endsWith(suffix) && fields[3].equals(TCP_LISTEN)
                            && servesLoopback(fields[1])) {
                        return true;
                    }
                }
            } catch (IOException e) {
                return canConnect(port);
            }
        }
        return false;
    }

    /** 127.0.0.1 or any address (0.0.0.0 / ::), in the kernel's hex notation. */
    private static boolean servesLoopback(String localAddress) {
        String ip = localAddress.substring(0, localAddress.indexOf(':'));
        return ip.equals("0100007F") || ip.chars().allMatch(c -> c == '0')
                || ip.equals("0000000000000000FFFF00000100007F");
    }

    private static boolean canConnect(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
