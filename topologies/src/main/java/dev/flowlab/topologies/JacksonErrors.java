package dev.flowlab.topologies;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns Jackson's messages (which name Java classes and echo the source) into one line a user can act on. */
final class JacksonErrors {
    private static final Map<Class<?>, String> VALID_KEYS = Map.ofEntries(
            Map.entry(FileEntries.HostEntry.class, "a host: name, ip, mac, gateway, aliases, vlans, nat"),
            Map.entry(FileEntries.SwitchEntry.class, "a switch: name, dpid"),
            Map.entry(FileEntries.LinkEntry.class, "a link: a, b, port_a, port_b, params, vlan, vlan_a, vlan_b"),
            Map.entry(FileEntries.ParamsEntry.class, "link params: bw, delay, jitter, loss, max_queue"),
            Map.entry(FileEntries.VlanEntry.class, "a host VLAN: id, ip, outer"),
            Map.entry(FileEntries.NatEntry.class, "nat: outside, ip, gateway"),
            Map.entry(FileEntries.PortVlanEntry.class, "a port's vlan: tag, trunks, qinq, cvlans"),
            Map.entry(FileEntries.TapEntry.class, "a tap: switch, port"),
            Map.entry(FileEntries.TunnelEntry.class, "a tunnel: switch, port, type, remote, local, vni, key, dst_port, "
                    + "underlay_netns, mtu"),
            Map.entry(FileEntries.IdentityEntry.class, "identity: domain, nameservers, search"),
            Map.entry(FileEntries.QosEntry.class, "a qos entry: switch, port, max_rate, queues"),
            Map.entry(FileEntries.QueueEntry.class, "a queue: id, min_rate, max_rate"));

    private JacksonErrors() {
    }

    /** A syntax error, at the line the parser reports. */
    static TopologyFileException syntax(String file, JsonProcessingException e) {
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        return new TopologyFileException(file, line, null, "syntax error: " + firstLines(e.getOriginalMessage()));
    }

    /** A value that does not fit its key, at {@code line}, in the element described by {@code what} ({@code host h1}). */
    static TopologyFileException binding(String file, int line, String what, JsonMappingException e) {
        return new TopologyFileException(file, line, null, what + ": " + problem(e));
    }

    /** The innermost key the error is about, or null. */
    static String field(JsonMappingException e) {
        List<JsonMappingException.Reference> path = e.getPath();
        for (int i = path.size() - 1; i >= 0; i--) {
            if (path.get(i).getFieldName() != null) {
                return path.get(i).getFieldName();
            }
        }
        return e instanceof UnrecognizedPropertyException u ? u.getPropertyName() : null;
    }

    private static String problem(JsonMappingException e) {
        String field = field(e);
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown key '" + u.getPropertyName() + "' (valid keys of "
                    + VALID_KEYS.getOrDefault(u.getReferringClass(), "this entry: see the docs") + ")";
        }
        if (e instanceof InvalidFormatException f) {
            return "'" + f.getValue() + "' is not a valid " + (field == null ? "value" : field)
                    + " (expected " + kind(f.getTargetType()) + ")";
        }
        if (e instanceof MismatchedInputException m && field != null) {
            return "bad value for '" + field + "': expected " + kind(m.getTargetType());
        }
        return firstLines(e.getOriginalMessage());
    }

    /** SnakeYAML puts the problem on unindented lines and echoes the source on indented ones. */
    private static String firstLines(String message) {
        return Arrays.stream(message.split("\n"))
                .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                .map(l -> l.replaceAll("\\s*\\(start marker at \\[Source.*$", "").replaceAll("\\s*at \\[Source.*$", "")
                        .replace("Duplicate field '", "duplicate key '"))
                .collect(Collectors.joining("; "));
    }

    private static String kind(Class<?> type) {
        if (type != null && java.util.Collection.class.isAssignableFrom(type)) {
            return "a list, like [10, 20]";
        }
        if (type != null && type.isRecord()) {
            return "a mapping, like {key: value}";
        }
        if (type == Integer.class || type == int.class || type == Long.class) {
            return "a whole number";
        }
        if (type != null && Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        return type == String.class ? "text" : "a single value";
    }
}
