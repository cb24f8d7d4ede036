package dev.flowlab.topologies;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import java.util.Map;

/** Turns Jackson's messages (which name Java classes) into one line a user of a topology file can act on. */
final class JacksonErrors {
    private static final Map<Class<?>, String> VALID_KEYS = Map.of(
            FileEntries.HostEntry.class, "a host: name, ip, mac, gateway",
            FileEntries.SwitchEntry.class, "a switch: name, dpid",
            FileEntries.LinkEntry.class, "a link: a, b, port_a, port_b, params",
            FileEntries.ParamsEntry.class, "link params: bw, delay, jitter, loss, max_queue");

    private JacksonErrors() {
    }

    static TopologyFileException translate(String file, JsonProcessingException e) {
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        return new TopologyFileException(file, line, null, problem(e));
    }

    private static String problem(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown key '" + u.getPropertyName() + "' (valid keys of "
                    + VALID_KEYS.getOrDefault(u.getReferringClass(), "this entry: see the docs") + ")";
        }
        String field = e instanceof JsonMappingException m ? lastField(m.getPath()) : null;
        if (e instanceof InvalidFormatException f) {
            return "'" + f.getValue() + "' is not a valid " + (field == null ? "value" : field)
                    + " (expected " + kind(f.getTargetType()) + ")";
        }
        if (e instanceof MismatchedInputException m && field != null) {
            return "bad value for '" + field + "': expected " + kind(m.getTargetType());
        }
        String message = e.getOriginalMessage();
        int newline = message.indexOf('\n');
        return "not valid YAML/JSON: " + (newline < 0 ? message : message.substring(0, newline));
    }

    private static String lastField(List<JsonMappingException.Reference> path) {
        for (int i = path.size() - 1; i >= 0; i--) {
            if (path.get(i).getFieldName() != null) {
                return path.get(i).getFieldName();
            }
        }
        return null;
    }

    private static String kind(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class) {
            return "a whole number";
        }
        if (type != null && Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        return type == String.class ? "text" : "a single value";
    }
}
