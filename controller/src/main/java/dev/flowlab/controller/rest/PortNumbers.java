package dev.flowlab.controller.rest;

import java.util.Locale;
import java.util.Map;
import org.projectfloodlight.openflow.types.OFPort;

/** Port numbers in JSON: a number for a physical port, a name (as in ovs-ofctl) for a reserved one. */
final class PortNumbers {
    private static final Map<String, OFPort> RESERVED = Map.of(
            "IN_PORT", OFPort.IN_PORT, "TABLE", OFPort.TABLE, "NORMAL", OFPort.NORMAL, "FLOOD", OFPort.FLOOD,
            "ALL", OFPort.ALL, "CONTROLLER", OFPort.CONTROLLER, "LOCAL", OFPort.LOCAL, "ANY", OFPort.ANY);

    private PortNumbers() {
    }

    static Object json(OFPort port) {
        for (Map.Entry<String, OFPort> e : RESERVED.entrySet()) {
            if (e.getValue().equals(port)) {
                return e.getKey();
            }
        }
        return port.getPortNumber() & 0xffffffffL;
    }

    /** A port from a number or a reserved name; null when it is neither. */
    static OFPort parse(String text) {
        OFPort reserved = RESERVED.get(text.toUpperCase(Locale.ROOT));
        if (reserved != null) {
            return reserved;
        }
        try {
            long n = Long.parseLong(text);
            return n >= 1 && n <= 0xffffff00L ? OFPort.of((int) n) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String names() {
        return "a port number or one of " + String.join(", ", new java.util.TreeSet<>(RESERVED.keySet()));
    }
}
