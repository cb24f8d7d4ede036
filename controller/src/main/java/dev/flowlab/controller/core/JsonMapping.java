package dev.flowlab.controller.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Jackson set-up shared by REST bodies and app configuration files: lower_snake_case keys,
 * unknown keys refused, and Jackson's errors (which name Java classes) turned into one line naming
 * the field at fault.
 */
public final class JsonMapping {
    private static final ObjectMapper JSON = configure(JsonMapper.builder().build());
    private static final ObjectMapper YAML = configure(new YAMLMapper(new YAMLFactory()));

    private JsonMapping() {
    }

    private static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);   // 1.5 for a port is a mistake, not 1
    }

    /** The JSON mapper (also writes REST answers). */
    public static ObjectMapper json() {
        return JSON;
    }

    /** The YAML mapper; YAML is a superset of JSON, so it reads JSON files too. */
    public static ObjectMapper yaml() {
        return YAML;
    }

    /** What is wrong, naming the field by its path (for example {@code rules[1].tcp_dst}); no line number. */
    public static String describe(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m ? path(m.getPath()) : "";
        String at = field.isEmpty() ? "" : "'" + field + "': ";
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
            return "unknown key '" + field + "'" + (known.isEmpty() ? "" : " (valid keys: " + known + ")");
        }
        if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            return at + v.getCause().getMessage();
        }
        if (e instanceof InvalidFormatException f) {
            return at + "'" + f.getValue() + "' is not " + kind(f.getTargetType());
        }
        if (e instanceof MismatchedInputException && !field.isEmpty() && e.getOriginalMessage().contains("`null`")) {
            return "'" + field + "' is missing";
        }
        if (e instanceof MismatchedInputException m && !field.isEmpty()) {
            return at + "expected " + kind(m.getTargetType());
        }
        String message = e.getOriginalMessage();
        int newline = message.indexOf('\n');
        return at + "not valid JSON/YAML: " + (newline < 0 ? message : message.substring(0, newline));
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : references) {
            if (r.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String kind(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return type == boolean.class || type == Boolean.class ? "true or false" : "a number";
        }
        if (type == String.class) {
            return "text";
        }
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants()).toString().toLowerCase(java.util.Locale.ROOT);
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a mapping";
    }
}
