package dev.flowlab.topologies;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Rules and conventions for node names: what is allowed, and the number a name carries. */
final class Names {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern FIRST_NUMBER = Pattern.compile("\\d+");

    private Names() {
    }

    /** Node names become namespace, bridge and interface names: keep them to letters, digits and '_'. */
    static void check(String kind, String name) {
        if (name == null || name.isBlank()) {
            throw new TopologyException("a " + kind + " needs a name, like " + (kind.equals("host") ? "h1" : "s1"));
        }
        if (!NAME.matcher(name).matches()) {
            throw new TopologyException(name, kind + " name '" + name
                    + "' must start with a letter and hold only letters, digits and '_'");
        }
        if (Topology.interfaceName(name, 0).length() > Topology.MAX_INTERFACE_NAME) {
            throw new TopologyException(name, kind + " name '" + name + "' is too long: its interface "
                    + Topology.interfaceName(name, 0) + " would exceed Linux's " + Topology.MAX_INTERFACE_NAME
                    + " characters; use at most " + (Topology.MAX_INTERFACE_NAME - "-eth0".length()) + " characters");
        }
    }

    /** The first number in a name, as Mininet derives a dpid ({@code s12 -> 12}, {@code s1x2 -> 1}). */
    static OptionalLong firstNumber(String name) {
        Matcher m = FIRST_NUMBER.matcher(name);
        return m.find() && m.group().length() <= 15 ? OptionalLong.of(Long.parseLong(m.group())) : OptionalLong.empty();
    }
}
